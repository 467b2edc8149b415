package io.handoff.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.handoff.deploy.Overlays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ingresses route what agents, chatbot owners and Slack need, carry WebSockets, and match the configured URLs. */
class IngressTest {

    static final List<String> DEPLOYMENTS = Overlays.DEPLOYMENTS;
    static final List<String> PRODUCTION = Overlays.PRODUCTION;

    /** Path prefix → Service, per Ingress. */
    private static Map<String, String> routes(Ingress ingress) {
        Map<String, String> routes = new TreeMap<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                assertThat(path.getPathType()).isEqualTo("Prefix");
                assertThat(path.getBackend().getService().getPort().getName()).as(path.getPath()).isEqualTo("http");
                routes.put(path.getPath(), path.getBackend().getService().getName());
            }
        }
        return routes;
    }

    private static Ingress ingress(String overlay, String name) {
        return Overlays.rendered(overlay).named(Ingress.class, name)
                .orElseThrow(() -> new AssertionError(overlay + ": no Ingress " + name));
    }

    private static String config(String overlay, String key) {
        return Overlays.rendered(overlay).named(ConfigMap.class, "handoff-config").orElseThrow().getData().get(key);
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void agentsReachTheConsoleAndWebSocketAndOwnersTheSettingsApi(String overlay) {
        Ingress agents = ingress(overlay, "handoff");

        assertThat(routes(agents)).containsExactlyInAnyOrderEntriesOf(Map.of("/ws", "livechat-gateway",
                "/console", "livechat-gateway", "/api/v1", "escalation-router"));
        assertThat(agents.getSpec().getIngressClassName()).isEqualTo("nginx");
        // An agent's WebSocket stays open for hours; ingress-nginx closes idle ones after 60 s by default.
        assertThat(Integer.parseInt(agents.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .isGreaterThanOrEqualTo(3600);
        assertThat(Integer.parseInt(agents.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-send-timeout")))
                .isGreaterThanOrEqualTo(3600);
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void slackReachesNotifierSlacksCallbacksOnTheHostOfItsPublicUrl(String overlay) {
        Ingress slack = ingress(overlay, "handoff-slack");

        assertThat(routes(slack)).containsExactlyInAnyOrderEntriesOf(Map.of("/slack", "notifier-slack",
                "/api/v1/chatbots", "notifier-slack"));
        assertThat(slack.getSpec().getRules()).extracting(IngressRule::getHost)
                .containsExactly(URI.create(config(overlay, "HANDOFF_SLACK_PUBLIC_URL")).getHost());
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void inboxLinksPointAtTheAgentsHost(String overlay) {
        String inbox = config(overlay, "HANDOFF_ROUTER_INBOX_URL");

        assertThat(ingress(overlay, "handoff").getSpec().getRules()).extracting(IngressRule::getHost)
                .containsExactly(URI.create(inbox.replace("{", "%7B").replace("}", "%7D")).getHost());
        assertThat(inbox).contains("/console/");
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyBackendIsAServiceWithAnHttpPort(String overlay) {
        for (Ingress ingress : Overlays.rendered(overlay).all(Ingress.class)) {
            routes(ingress).values().forEach(backend -> assertThat(Overlays.rendered(overlay).named(Service.class, backend)
                    .orElseThrow().getSpec().getPorts()).as(backend).anySatisfy(p -> assertThat(p.getName()).isEqualTo("http")));
        }
    }

    @ParameterizedTest
    @FieldSource("PRODUCTION")
    void productionServesEveryHostOverTlsAndLinksWithHttps(String overlay) {
        for (Ingress ingress : Overlays.rendered(overlay).all(Ingress.class)) {
            assertThat(ingress.getSpec().getTls()).as(ingress.getMetadata().getName()).isNotEmpty();
            List<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).toList();
            assertThat(tlsHosts).as(ingress.getMetadata().getName())
                    .containsAll(ingress.getSpec().getRules().stream().map(IngressRule::getHost).toList());
        }
        assertThat(config(overlay, "HANDOFF_ROUTER_INBOX_URL")).startsWith("https://");
        assertThat(config(overlay, "HANDOFF_SLACK_PUBLIC_URL")).startsWith("https://");
    }
}
