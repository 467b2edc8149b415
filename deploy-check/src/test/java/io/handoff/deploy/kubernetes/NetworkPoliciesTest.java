package io.handoff.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.handoff.deploy.Checkout;
import io.handoff.deploy.Overlays;
import io.handoff.deploy.config.ServiceConfig;
import io.handoff.deploy.kubernetes.NetworkAccess.Peer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service talks to Kafka and its own database, plus the one outside party its job needs; the
 * gateway, the router's API and notifier-slack's Slack paths are reachable from the ingress
 * controller; Prometheus reaches every service; nothing else gets in or out.
 */
class NetworkPoliciesTest {

    static final List<String> DEPLOYMENTS = Overlays.DEPLOYMENTS;

    /** The services behind the Ingresses (ingress.yaml). */
    private static final Set<String> EXPOSED = Set.of("livechat-gateway", "escalation-router", "notifier-slack");

    /** What a service may reach, from what it is: the parties its configuration names. */
    static Set<String> expectedEgress(String service) {
        ServiceConfig config = Checkout.service(service);
        Set<String> reach = new TreeSet<>(Set.of(Peer.DNS.name(), Peer.KAFKA.name()));
        if (config.property("quarkus.datasource.db-kind").isPresent()) {
            reach.add(Peer.DATABASE.name());
        }
        if (config.dependsOn("quarkus-mailer")) {
            reach.add(Peer.SMTP.name());
        }
        // The identity provider's keys (a JWKS URL); notifier-slack also calls the Slack Web API.
        if (config.dependsOn("quarkus-smallrye-jwt") || service.equals("notifier-slack")) {
            reach.add(Peer.HTTPS.name());
        }
        // Third parties' webhook URLs, anywhere public.
        if (service.equals("notifier-webhook")) {
            reach.add(Peer.PUBLIC_INTERNET.name());
        }
        return reach;
    }

    private static NetworkAccess access(String overlay) {
        return new NetworkAccess(Overlays.rendered(overlay).all(NetworkPolicy.class));
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyPodIsDeniedEverythingNotAllowed(String overlay) {
        Overlays.rendered(overlay).workloads().forEach((workload, pod) ->
                assertThat(access(overlay).isolated(pod.getMetadata().getLabels())).as(overlay + " " + workload).isTrue());
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void eachServiceReachesKafkaItsDatabaseAndOnlyWhatItsJobNeeds(String overlay) {
        for (String service : Checkout.SERVICES) {
            PodTemplateSpec pod = Overlays.rendered(overlay).podTemplate(service).orElseThrow();

            assertThat(access(overlay).egress(pod.getMetadata().getLabels())).as(overlay + ": egress of " + service)
                    .containsExactlyInAnyOrderElementsOf(expectedEgress(service));
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void onlyTheGatewayTheRoutersApiAndSlacksCallbacksAreReachableFromTheIngress(String overlay) {
        for (String service : Checkout.SERVICES) {
            PodTemplateSpec pod = Overlays.rendered(overlay).podTemplate(service).orElseThrow();
            Set<String> expected = EXPOSED.contains(service)
                    ? Set.of(Peer.PROMETHEUS.name(), Peer.INGRESS_CONTROLLER.name()) : Set.of(Peer.PROMETHEUS.name());

            assertThat(access(overlay).ingress(pod.getMetadata().getLabels())).as(overlay + ": ingress of " + service)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The dev overlay's PostgreSQL and Mailpit talk only to the services that use them. */
    @Test
    void theDevDatabaseAndSmtpSinkAreReachableOnlyByTheirClients() {
        Map<String, PodTemplateSpec> workloads = Overlays.rendered("overlays/dev").workloads();
        NetworkAccess access = access("overlays/dev");

        assertThat(access.ingress(workloads.get("postgres").getMetadata().getLabels()))
                .containsExactly(Peer.DATABASE_CLIENTS.name());
        assertThat(access.ingress(workloads.get("mailpit").getMetadata().getLabels()))
                .containsExactly(Peer.SMTP_CLIENTS.name());
        assertThat(access.egress(workloads.get("postgres").getMetadata().getLabels())).containsExactly(Peer.DNS.name());
        assertThat(access.egress(workloads.get("mailpit").getMetadata().getLabels())).containsExactly(Peer.DNS.name());
    }
}
