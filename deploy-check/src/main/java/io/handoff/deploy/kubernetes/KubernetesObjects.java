package io.handoff.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.handoff.deploy.kubernetes.keda.ScaledObject;
import io.handoff.deploy.kubernetes.keda.TriggerAuthentication;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The objects of a rendered Kustomize directory, each read into the typed model of its apiVersion
 * and kind (fabric8's Kubernetes models, Strimzi's API, the monitoring model for ServiceMonitor, and
 * the records in {@code keda} for KEDA). An apiVersion or kind without a model is an error: the
 * manifests use nothing that is not checked.
 */
public final class KubernetesObjects {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("keda.sh/v1alpha1/ScaledObject", ScaledObject.class),
            Map.entry("keda.sh/v1alpha1/TriggerAuthentication", TriggerAuthentication.class));

    private final List<Object> objects;

    private KubernetesObjects(List<Object> objects) {
        this.objects = List.copyOf(objects);
    }

    /**
     * Reads every document of {@code yaml}.
     *
     * @throws IllegalArgumentException naming each document that does not fit its model
     */
    public static KubernetesObjects read(String yaml) {
        List<Object> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode tree : StrictYaml.documents(yaml)) {
            String id = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
            String where = "document " + index++ + " (" + id + " " + tree.path("metadata").path("name").asText() + ")";
            Class<?> model = MODELS.get(id);
            if (model == null) {
                problems.add(where + ": no model for " + id);
                continue;
            }
            try {
                Object object = StrictYaml.read(tree, model);
                if (object instanceof ScaledObject scaledObject) {
                    scaledObject.problems().forEach(p -> problems.add(where + ": " + p));
                } else if (object instanceof TriggerAuthentication auth) {
                    auth.problems().forEach(p -> problems.add(where + ": " + p));
                } else if (object instanceof HasMetadata resource && (resource.getMetadata() == null
                        || resource.getMetadata().getName() == null)) {
                    problems.add(where + ": no metadata.name");
                }
                objects.add(object);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new KubernetesObjects(objects);
    }

    public List<Object> all() {
        return Collections.unmodifiableList(objects);
    }

    public <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** A Deployment's or StatefulSet's pod template, by the workload's name. */
    public Optional<PodTemplateSpec> podTemplate(String workload) {
        return named(Deployment.class, workload).map(d -> d.getSpec().getTemplate())
                .or(() -> named(StatefulSet.class, workload).map(s -> s.getSpec().getTemplate()));
    }

    /** Every workload (Deployment or StatefulSet) by name, with its pod template. */
    public Map<String, PodTemplateSpec> workloads() {
        Map<String, PodTemplateSpec> workloads = new TreeMap<>();
        all(Deployment.class).forEach(d -> workloads.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> workloads.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return workloads;
    }
}
