package io.handoff.deploy.kubernetes.keda;

import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * KEDA's TriggerAuthentication ({@code keda.sh/v1alpha1}) with the parameters taken from Secrets,
 * ConfigMaps (KEDA 2.13 and later) or the target's environment, typed so that a misspelt field fails
 * to read.
 */
public record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    public record Spec(List<TargetRef> secretTargetRef, List<TargetRef> configMapTargetRef, List<EnvTarget> env) {
    }

    /** A parameter read from a key of a Secret or a ConfigMap. */
    public record TargetRef(String parameter, String name, String key) {
    }

    public record EnvTarget(String parameter, String name, String containerName) {
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (metadata == null || metadata.getName() == null) {
            problems.add("TriggerAuthentication without metadata.name");
        }
        if (spec == null) {
            problems.add("TriggerAuthentication without spec");
            return problems;
        }
        Stream.of(spec.secretTargetRef(), spec.configMapTargetRef()).filter(Objects::nonNull).flatMap(List::stream)
                .filter(ref -> ref.parameter() == null || ref.name() == null || ref.key() == null)
                .forEach(ref -> problems.add("TriggerAuthentication " + metadata.getName() + ": incomplete " + ref));
        return problems;
    }
}
