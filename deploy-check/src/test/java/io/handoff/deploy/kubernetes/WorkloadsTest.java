package io.handoff.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.handoff.deploy.Checkout;
import io.handoff.deploy.Overlays;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The pods of every overlay: probes, resources, the restricted security context, Services, configuration. */
class WorkloadsTest {

    static final List<String> DEPLOYMENTS = Overlays.DEPLOYMENTS;
    static final List<String> PRODUCTION = Overlays.PRODUCTION;

    /** Secrets the Strimzi operators write: each KafkaUser's, and the cluster CA certificate. */
    private static final Map<String, Set<String>> STRIMZI_SECRET_KEYS = Map.of(
            "user", Set.of("password", "sasl.jaas.config"),
            "handoff-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));

    private static int httpPort(String service) {
        return Integer.parseInt(Checkout.service(service).property("quarkus.http.port").orElseThrow());
    }

    private static List<Container> containers(PodTemplateSpec pod) {
        List<Container> all = new ArrayList<>(pod.getSpec().getContainers());
        if (pod.getSpec().getInitContainers() != null) {
            all.addAll(pod.getSpec().getInitContainers());
        }
        return all;
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyServiceRunsOnceAsAWorkloadWithItsOwnContainer(String overlay) {
        Map<String, PodTemplateSpec> workloads = Overlays.rendered(overlay).workloads();

        for (String service : Checkout.SERVICES) {
            assertThat(workloads).as(overlay).containsKey(service);
            assertThat(workloads.get(service).getSpec().getContainers()).extracting(Container::getName)
                    .as(overlay + " " + service).containsExactly(service);
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyContainerHasProbesAndResourceRequestsAndLimits(String overlay) {
        Overlays.rendered(overlay).workloads().forEach((workload, pod) -> {
            for (Container container : pod.getSpec().getContainers()) {
                String where = overlay + " " + workload + "/" + container.getName();
                assertThat(container.getLivenessProbe()).as(where + " liveness").isNotNull();
                assertThat(container.getReadinessProbe()).as(where + " readiness").isNotNull();
                var resources = container.getResources();
                assertThat(resources).as(where + " resources").isNotNull();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources.getRequests() == null ? null : resources.getRequests().get(resource);
                    Quantity limit = resources.getLimits() == null ? null : resources.getLimits().get(resource);
                    assertThat(request).as(where + " " + resource + " request").isNotNull();
                    assertThat(limit).as(where + " " + resource + " limit").isNotNull();
                    assertThat(request.getNumericalAmount()).as(where + " " + resource + " request <= limit")
                            .isLessThanOrEqualTo(limit.getNumericalAmount());
                }
            }
        });
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void servicesAreProbedOnTheirSmallRyeHealthEndpoints(String overlay) {
        for (String service : Checkout.SERVICES) {
            Container container = Overlays.rendered(overlay).podTemplate(service).orElseThrow().getSpec().getContainers().get(0);
            assertThat(path(container.getLivenessProbe())).as(overlay + " " + service).isEqualTo("/q/health/live");
            assertThat(path(container.getReadinessProbe())).as(overlay + " " + service).isEqualTo("/q/health/ready");
            assertThat(container.getPorts()).as(overlay + " " + service)
                    .anySatisfy(p -> {
                        assertThat(p.getName()).isEqualTo("http");
                        assertThat(p.getContainerPort()).isEqualTo(httpPort(service));
                    });
            assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
    }

    private static String path(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyPodMeetsTheRestrictedPodSecurityStandard(String overlay) {
        Overlays.rendered(overlay).workloads().forEach((workload, pod) -> {
            PodSpec spec = pod.getSpec();
            PodSecurityContext podContext = Optional.ofNullable(spec.getSecurityContext()).orElseGet(PodSecurityContext::new);
            assertThat(spec.getAutomountServiceAccountToken()).as(overlay + " " + workload + " service account token").isFalse();
            assertThat(spec.getHostNetwork()).as(workload).isNotEqualTo(Boolean.TRUE);
            assertThat(spec.getHostPID()).as(workload).isNotEqualTo(Boolean.TRUE);
            for (Container container : containers(pod)) {
                String where = overlay + " " + workload + "/" + container.getName();
                SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
                boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
                        || (context.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
                assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
                Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
                assertThat(user).as(where + " runAsUser").isNotNull().isNotZero();
                assertThat(context.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(context.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(context.getPrivileged()).as(where + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(context.getCapabilities()).as(where + " capabilities").isNotNull();
                assertThat(context.getCapabilities().getDrop()).as(where + " capabilities.drop").containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).as(where + " capabilities.add").isNullOrEmpty();
                String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                        : podContext.getSeccompProfile() == null ? null : podContext.getSeccompProfile().getType();
                assertThat(seccomp).as(where + " seccompProfile").isIn("RuntimeDefault", "Localhost");
                assertThat(container.getEnvFrom()).as(where + " envFrom (every variable is listed by name)").isNullOrEmpty();
            }
            if (spec.getVolumes() != null) {
                assertThat(spec.getVolumes()).as(overlay + " " + workload + " volumes")
                        .allSatisfy(v -> assertThat(v.getHostPath()).as(v.getName()).isNull());
            }
        });
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void servicesWriteOnlyToAnEmptyDirAtTmpAndTheDetectorsStateVolume(String overlay) {
        for (String service : Checkout.SERVICES) {
            PodTemplateSpec pod = Overlays.rendered(overlay).podTemplate(service).orElseThrow();
            Container container = pod.getSpec().getContainers().get(0);
            assertThat(container.getVolumeMounts()).as(overlay + " " + service)
                    .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            String tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow().getName();
            Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(tmp)).findFirst().orElseThrow();
            assertThat(volume.getEmptyDir()).as(overlay + " " + service + " /tmp").isNotNull();
            assertThat(pod.getSpec().getEnableServiceLinks()).as(overlay + " " + service + " enableServiceLinks").isFalse();
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyServiceHasAServiceOnItsHttpPort(String overlay) {
        for (String service : Checkout.SERVICES) {
            Service svc = Overlays.rendered(overlay).named(Service.class, service).orElseThrow(
                    () -> new AssertionError(overlay + ": no Service " + service));
            assertThat(svc.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", service);
            ServicePort port = svc.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": Service " + service + " has no port http"));
            assertThat(port.getPort()).as(overlay + " " + service).isEqualTo(httpPort(service));
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            PodTemplateSpec pod = Overlays.rendered(overlay).podTemplate(service).orElseThrow();
            assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(svc.getSpec().getSelector());
            assertThat(pod.getMetadata().getAnnotations()).as(overlay + " " + service + " Prometheus annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", Integer.toString(httpPort(service)))
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    /**
     * Every variable taken from a ConfigMap or a Secret names one that exists with that key: in the
     * rendered objects, among the Secrets Strimzi writes, or in the Secret template the operator fills in.
     */
    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyConfigMapAndSecretReferenceResolves(String overlay) {
        KubernetesObjects objects = Overlays.rendered(overlay);
        KubernetesObjects template = KubernetesObjects.read(Checkout.read("deploy/kubernetes/secrets.example.yaml"));
        Set<String> kafkaUsers = Set.copyOf(objects.all(KafkaUser.class).stream().map(u -> u.getMetadata().getName()).toList());
        objects.workloads().forEach((workload, pod) -> {
            for (Container container : containers(pod)) {
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    String where = overlay + " " + workload + " " + env.getName();
                    if (env.getValueFrom() == null) {
                        assertThat(env.getValue()).as(where).isNotNull();
                        continue;
                    }
                    var configMap = env.getValueFrom().getConfigMapKeyRef();
                    if (configMap != null) {
                        ConfigMap map = objects.named(ConfigMap.class, configMap.getName())
                                .orElseThrow(() -> new AssertionError(where + ": no ConfigMap " + configMap.getName()));
                        assertThat(map.getData()).as(where).containsKey(configMap.getKey());
                    }
                    var secret = env.getValueFrom().getSecretKeyRef();
                    if (secret != null) {
                        Set<String> keys = secretKeys(objects, template, kafkaUsers, secret.getName());
                        assertThat(keys).as(where + ": Secret " + secret.getName() + " (rendered, written by Strimzi,"
                                + " or in secrets.example.yaml)").contains(secret.getKey());
                    }
                }
            }
        });
    }

    private static Set<String> secretKeys(KubernetesObjects objects, KubernetesObjects template, Set<String> kafkaUsers,
                                          String name) {
        Optional<Secret> rendered = objects.named(Secret.class, name);
        if (rendered.isPresent()) {
            return rendered.get().getData() == null ? Set.of() : rendered.get().getData().keySet();
        }
        if (kafkaUsers.contains(name)) {
            return STRIMZI_SECRET_KEYS.get("user");
        }
        if (STRIMZI_SECRET_KEYS.containsKey(name)) {
            return STRIMZI_SECRET_KEYS.get(name);
        }
        return template.named(Secret.class, name).map(s -> s.getStringData().keySet()).orElse(Set.of());
    }

    @ParameterizedTest
    @FieldSource("PRODUCTION")
    void productionRendersNoSecretAndPullsTaggedImagesFromARegistry(String overlay) {
        KubernetesObjects objects = Overlays.rendered(overlay);
        assertThat(objects.all(Secret.class)).as(overlay).isEmpty();
        for (String service : Checkout.SERVICES) {
            String image = objects.podTemplate(service).orElseThrow().getSpec().getContainers().get(0).getImage();
            assertThat(image).as(overlay + " " + service).contains("/" + service + ":").doesNotEndWith(":latest");
        }
    }

    @Test
    void theSecretTemplateHoldsPlaceholdersOnly() {
        KubernetesObjects template = KubernetesObjects.read(Checkout.read("deploy/kubernetes/secrets.example.yaml"));
        assertThat(template.all(Secret.class)).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret.getData()).as(secret.getMetadata().getName()).isNullOrEmpty();
            secret.getStringData().forEach((key, value) -> {
                if (key.contains("password") || key.contains("secret")) {
                    assertThat(value).as(secret.getMetadata().getName() + " " + key).isEqualTo("change-me");
                }
            });
        });
    }

    @Test
    void theDevOverlaysGeneratedSecretsAreVisiblyFake() {
        for (Secret secret : Overlays.rendered("overlays/dev").all(Secret.class)) {
            secret.getData().forEach((key, base64) -> {
                String value = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
                if (key.contains("password") || key.contains("secret")) {
                    assertThat(value).as(secret.getMetadata().getName() + " " + key).matches("|dev-only-[a-z-]+");
                }
            });
        }
    }
}
