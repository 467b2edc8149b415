package io.handoff.deploy;

import io.handoff.deploy.kubernetes.KubernetesObjects;
import io.handoff.deploy.kubernetes.Kubectl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The Kustomize directories under deploy/kubernetes, rendered once per test run by kubectl. */
public final class Overlays {

    /** Every directory meant to be applied. */
    public static final List<String> ALL = List.of("overlays/dev", "overlays/prod", "overlays/prod-keda", "monitoring");
    /** The overlays that deploy Handoff (monitoring only adds a ServiceMonitor). */
    public static final List<String> DEPLOYMENTS = List.of("overlays/dev", "overlays/prod", "overlays/prod-keda");
    public static final List<String> PRODUCTION = List.of("overlays/prod", "overlays/prod-keda");

    private static final Map<String, KubernetesObjects> RENDERED = new ConcurrentHashMap<>();
    private static Kubectl kubectl;

    private Overlays() {
    }

    public static synchronized Kubectl kubectl() {
        if (kubectl == null) {
            kubectl = Kubectl.locate(Checkout.root());
        }
        return kubectl;
    }

    /** The objects {@code kubectl kustomize deploy/kubernetes/<directory>} renders, each read strictly. */
    public static KubernetesObjects rendered(String directory) {
        return RENDERED.computeIfAbsent(directory, d -> {
            String yaml = kubectl().kustomize(Checkout.path("deploy/kubernetes/" + d));
            try {
                return KubernetesObjects.read(yaml);
            } catch (IllegalArgumentException e) {
                throw new AssertionError("deploy/kubernetes/" + d + " renders objects that do not fit their models:\n"
                        + e.getMessage(), e);
            }
        });
    }
}
