package io.handoff.deploy.kubernetes.keda;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KEDA's ScaledObject ({@code keda.sh/v1alpha1}), the fields Handoff uses and the ones next to them,
 * typed so that a misspelt field fails to read; {@link #problems()} adds what the CRD requires.
 */
public record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    /** The metadata each trigger type understands (KEDA 2.13 and later). */
    private static final Map<String, Set<String>> TRIGGER_METADATA = Map.of(
            "kafka", Set.of("bootstrapServers", "consumerGroup", "topic", "lagThreshold", "activationLagThreshold",
                    "offsetResetPolicy", "allowIdleConsumers", "scaleToZeroOnInvalidOffset", "excludePersistentLag",
                    "limitToPartitionsWithLag", "version", "partitionLimitation", "sasl", "tls", "unsafeSsl"),
            "cpu", Set.of("value"),
            "memory", Set.of("value"));

    public record Spec(ScaleTargetRef scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
                       Integer idleReplicaCount, Integer pollingInterval, Integer cooldownPeriod, Advanced advanced,
                       Fallback fallback, List<Trigger> triggers) {
    }

    public record ScaleTargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {

        /** KEDA's default target kind is a Deployment. */
        public String kindOrDefault() {
            return kind == null ? "Deployment" : kind;
        }
    }

    public record Advanced(HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig,
                           Boolean restoreToOriginalReplicaCount) {
    }

    public record HorizontalPodAutoscalerConfig(String name, HorizontalPodAutoscalerBehavior behavior) {
    }

    public record Fallback(Integer failureThreshold, Integer replicas) {
    }

    public record Trigger(String type, String name, String metricType, Boolean useCachedMetrics,
                          Map<String, String> metadata, AuthenticationRef authenticationRef) {
    }

    public record AuthenticationRef(String name, String kind) {
    }

    /** What the CRD's schema and KEDA's admission webhook would refuse. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (metadata == null || metadata.getName() == null) {
            problems.add("ScaledObject without metadata.name");
        }
        if (spec == null || spec.scaleTargetRef() == null || spec.scaleTargetRef().name() == null) {
            problems.add("ScaledObject without spec.scaleTargetRef.name");
            return problems;
        }
        if (spec.triggers() == null || spec.triggers().isEmpty()) {
            problems.add("ScaledObject " + metadata.getName() + " has no triggers");
            return problems;
        }
        if (spec.minReplicaCount() != null && spec.maxReplicaCount() != null
                && spec.minReplicaCount() > spec.maxReplicaCount()) {
            problems.add("ScaledObject " + metadata.getName() + ": minReplicaCount > maxReplicaCount");
        }
        for (Trigger trigger : spec.triggers()) {
            Set<String> known = TRIGGER_METADATA.get(trigger.type());
            if (known == null) {
                problems.add("ScaledObject " + metadata.getName() + ": unknown trigger type " + trigger.type());
            } else if (trigger.metadata() == null || !known.containsAll(trigger.metadata().keySet())) {
                problems.add("ScaledObject " + metadata.getName() + ": " + trigger.type() + " trigger metadata "
                        + (trigger.metadata() == null ? "missing" : trigger.metadata().keySet()) + " not within " + known);
            }
            if (trigger.metricType() != null && !Set.of("AverageValue", "Value", "Utilization").contains(trigger.metricType())) {
                problems.add("ScaledObject " + metadata.getName() + ": unknown metricType " + trigger.metricType());
            }
        }
        return problems;
    }
}
