package io.handoff.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.handoff.deploy.Checkout;
import io.handoff.deploy.Overlays;
import io.handoff.deploy.kafka.ExpectedKafkaAccess;
import io.handoff.deploy.kubernetes.keda.ScaledObject;
import io.handoff.deploy.kubernetes.keda.TriggerAuthentication;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each overlay scales: dev runs one pod of everything; production autoscales every service (on
 * CPU, or on consumer lag with KEDA) up to the partition count of the topics it consumes, and keeps
 * PodDisruptionBudgets; a ServiceMonitor scrapes every service.
 */
class ScalingTest {

    static final List<String> PRODUCTION = Overlays.PRODUCTION;

    /** The most useful instances of a service: the fewest partitions among the topics its groups consume. */
    private static int partitionCeiling(KubernetesObjects objects, String service) {
        Set<String> consumed = ExpectedKafkaAccess.groupConsumedTopics(Checkout.service(service));
        return objects.all(KafkaTopic.class).stream().filter(t -> consumed.contains(t.getSpec().getTopicName()))
                .mapToInt(t -> t.getSpec().getPartitions()).min()
                .orElseThrow(() -> new AssertionError(service + " consumes no declared topic"));
    }

    private static String kind(String service) {
        return service.equals("trigger-detector") ? "StatefulSet" : "Deployment";
    }

    @Test
    void devRunsOnePodOfEverythingWithoutAutoscalersOrBudgets() {
        KubernetesObjects dev = Overlays.rendered("overlays/dev");

        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(dev.all(ScaledObject.class)).isEmpty();
        assertThat(dev.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isIn(null, 1));
        assertThat(dev.all(StatefulSet.class)).allSatisfy(s -> assertThat(s.getSpec().getReplicas()).isIn(null, 1));
    }

    /** Each service is scaled by exactly one autoscaler: a HorizontalPodAutoscaler or a KEDA ScaledObject. */
    @ParameterizedTest
    @FieldSource("PRODUCTION")
    void everyServiceIsAutoscaledBetweenTwoPodsAndItsPartitionCount(String overlay) {
        KubernetesObjects objects = Overlays.rendered(overlay);
        for (String service : Checkout.SERVICES) {
            List<HorizontalPodAutoscaler> hpas = objects.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service)).toList();
            List<ScaledObject> scaledObjects = objects.all(ScaledObject.class).stream()
                    .filter(s -> s.spec().scaleTargetRef().name().equals(service)).toList();
            assertThat(hpas.size() + scaledObjects.size()).as(overlay + ": autoscalers of " + service).isEqualTo(1);
            int min;
            int max;
            if (!hpas.isEmpty()) {
                HorizontalPodAutoscaler hpa = hpas.get(0);
                assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo(kind(service));
                assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
                assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
                min = hpa.getSpec().getMinReplicas();
                max = hpa.getSpec().getMaxReplicas();
            } else {
                ScaledObject scaled = scaledObjects.get(0);
                assertThat(scaled.spec().scaleTargetRef().kindOrDefault()).isEqualTo(kind(service));
                min = scaled.spec().minReplicaCount();
                max = scaled.spec().maxReplicaCount();
            }
            assertThat(min).as(overlay + " " + service + " min").isGreaterThanOrEqualTo(2);
            assertThat(max).as(overlay + " " + service + " max (a consumer beyond the partitions sits idle)")
                    .isGreaterThanOrEqualTo(min).isLessThanOrEqualTo(partitionCeiling(objects, service));
        }
        // Applying the manifests again must not undo what the autoscalers decided.
        assertThat(objects.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isNull());
        assertThat(objects.all(StatefulSet.class)).allSatisfy(s -> assertThat(s.getSpec().getReplicas()).isNull());
    }

    @ParameterizedTest
    @FieldSource("PRODUCTION")
    void disruptionsTakeAtMostOnePodOfAServiceAtATime(String overlay) {
        KubernetesObjects objects = Overlays.rendered(overlay);
        for (String service : Checkout.SERVICES) {
            Map<String, String> labels = objects.podTemplate(service).orElseThrow().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = objects.all(PodDisruptionBudget.class).stream()
                    .filter(b -> LabelSelectors.matches(b.getSpec().getSelector(), labels)).toList();

            assertThat(budgets).as(overlay + ": budgets of " + service).hasSize(1);
            assertThat(budgets.get(0).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        }
    }

    @Test
    void kedaScalesTheConsumersOnTheirOwnGroupsLagAndTheDetectorStaysOnCpu() {
        KubernetesObjects keda = Overlays.rendered("overlays/prod-keda");
        String bootstrap = keda.named(ConfigMap.class, "handoff-config").orElseThrow().getData().get("KAFKA_BOOTSTRAP_SERVERS");
        for (ScaledObject scaled : keda.all(ScaledObject.class)) {
            String service = scaled.spec().scaleTargetRef().name();
            ScaledObject.Trigger lag = scaled.spec().triggers().stream().filter(t -> t.type().equals("kafka")).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no kafka trigger"));
            assertThat(lag.metadata().get("consumerGroup")).as(service)
                    .isIn(ExpectedKafkaAccess.consumerGroups(Checkout.service(service)));
            assertThat(lag.metadata().get("bootstrapServers")).isEqualTo(bootstrap);
            TriggerAuthentication auth = keda.all(TriggerAuthentication.class).stream()
                    .filter(a -> a.metadata().getName().equals(lag.authenticationRef().name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no TriggerAuthentication " + lag.authenticationRef().name()));
            for (TriggerAuthentication.TargetRef ref : auth.spec().configMapTargetRef()) {
                assertThat(keda.named(ConfigMap.class, ref.name()).orElseThrow().getData()).containsKey(ref.key());
            }
            for (TriggerAuthentication.TargetRef ref : auth.spec().secretTargetRef()) {
                boolean strimzi = keda.named(KafkaUser.class, ref.name()).isPresent() && Set.of("password").contains(ref.key())
                        || ref.name().equals("handoff-cluster-ca-cert") && ref.key().equals("ca.crt");
                assertThat(strimzi).as("Secret " + ref.name() + " key " + ref.key() + " is written by Strimzi").isTrue();
            }
        }
        assertThat(keda.all(ScaledObject.class)).extracting(s -> s.spec().scaleTargetRef().name())
                .containsExactlyInAnyOrder("escalation-router", "notifier-email", "notifier-slack", "notifier-webhook",
                        "livechat-gateway");
        assertThat(keda.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactly("trigger-detector");
        // KEDA's operator reads the lag from the brokers: their listener admits its namespace.
        assertThat(keda.named(Kafka.class, "handoff").orElseThrow().getSpec().getKafka().getListeners().get(0)
                .getNetworkPolicyPeers()).anySatisfy(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNotNull();
                    assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "keda");
                });
    }

    @Test
    void theServiceMonitorScrapesEveryServicesMetrics() {
        ServiceMonitor monitor = Overlays.rendered("monitoring").all(ServiceMonitor.class).get(0);
        KubernetesObjects prod = Overlays.rendered("overlays/prod");

        for (String service : Checkout.SERVICES) {
            Service svc = prod.named(Service.class, service).orElseThrow();
            assertThat(LabelSelectors.matches(monitor.getSpec().getSelector(), svc.getMetadata().getLabels()))
                    .as(service).isTrue();
        }
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("http");
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
        });
        assertThat(prod.all(Service.class)).filteredOn(s -> !Checkout.SERVICES.contains(s.getMetadata().getName()))
                .allSatisfy(s -> assertThat(LabelSelectors.matches(monitor.getSpec().getSelector(), s.getMetadata().getLabels()))
                        .isFalse());
    }
}
