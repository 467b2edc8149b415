package io.handoff.deploy.config;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.handoff.deploy.Checkout;
import io.handoff.deploy.Overlays;
import io.handoff.deploy.compose.ComposeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names docker-compose.yml, the Kubernetes overlays and docs/deploy.md use are the configuration
 * keys the services read, as their sources declare them. A key renamed in a service makes this fail
 * until the deployments and the documentation follow (ConfigKeyCheckTest shows it on a fixture).
 */
class ConfigurationKeysTest {

    static final List<String> DEPLOYMENTS = Overlays.DEPLOYMENTS;
    private static final Pattern IMAGE_ENV = Pattern.compile("^\\s*(?:ENV\\s+)?([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);

    /** Variables the image itself reads (its entrypoint and health check): the ENV of Dockerfile.jvm. */
    static Set<String> imageVariables() {
        String dockerfile = Checkout.read("deploy/docker/Dockerfile.jvm");
        String env = dockerfile.substring(dockerfile.indexOf("\nENV "));
        env = env.substring(0, env.indexOf("\n\n"));
        Set<String> names = new TreeSet<>();
        Matcher name = IMAGE_ENV.matcher(env);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static final ConfigKeyCheck CHECK = new ConfigKeyCheck(imageVariables());

    private static Set<String> composeVariables(String service) {
        return ComposeFile.read(Checkout.path("docker-compose.yml")).services().get(service).environment().keySet();
    }

    private static Set<String> kubernetesVariables(String overlay, String service) {
        Set<String> names = new TreeSet<>();
        Overlays.rendered(overlay).podTemplate(service).orElseThrow().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(service))
                .forEach(c -> c.getEnv().stream().map(EnvVar::getName).forEach(names::add));
        return names;
    }

    /** The keys a service cannot run without, as the variables that set them (one of each list). */
    private static List<List<String>> required(String service) {
        ServiceConfig config = Checkout.service(service);
        List<List<String>> required = new ArrayList<>();
        required.add(List.of("KAFKA_BOOTSTRAP_SERVERS"));
        if (config.property("quarkus.datasource.db-kind").isPresent()) {
            required.add(List.of("QUARKUS_DATASOURCE_JDBC_URL"));
            required.add(List.of("QUARKUS_DATASOURCE_USERNAME"));
            required.add(List.of("QUARKUS_DATASOURCE_PASSWORD"));
        }
        if (config.dependsOn("quarkus-smallrye-jwt")) {
            required.add(List.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY"));
        }
        if (config.dependsOn("quarkus-mailer")) {
            required.add(List.of("QUARKUS_MAILER_HOST"));
        }
        return required;
    }

    @Test
    void theImageReadsItsJvmOptionsAndHealthCheckPort() {
        assertThat(imageVariables()).containsExactlyInAnyOrder("JAVA_OPTS", "JAVA_OPTS_APPEND", "HEALTHCHECK_PORT");
    }

    @Test
    void composeSetsOnlyKeysTheServicesRead() {
        for (String service : Checkout.SERVICES) {
            assertThat(CHECK.unknown("docker-compose.yml " + service, Checkout.service(service), composeVariables(service)))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void kubernetesSetsOnlyKeysTheServicesRead(String overlay) {
        for (String service : Checkout.SERVICES) {
            assertThat(CHECK.unknown(overlay + " " + service, Checkout.service(service), kubernetesVariables(overlay, service)))
                    .isEmpty();
        }
    }

    @Test
    void composeSetsWhatEachServiceCannotRunWithout() {
        for (String service : Checkout.SERVICES) {
            Set<String> set = composeVariables(service);
            required(service).forEach(oneOf -> assertThat(set).as("docker-compose.yml " + service).containsAnyElementsOf(oneOf));
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void kubernetesSetsWhatEachServiceCannotRunWithout(String overlay) {
        for (String service : Checkout.SERVICES) {
            Set<String> set = kubernetesVariables(overlay, service);
            required(service).forEach(oneOf -> assertThat(set).as(overlay + " " + service).containsAnyElementsOf(oneOf));
        }
    }

    @Test
    void theReferenceDocumentsASectionPerService() {
        assertThat(DeployDoc.variables().keySet()).containsExactlyInAnyOrderElementsOf(
                concat(List.of(DeployDoc.EVERY_SERVICE), Checkout.SERVICES));
    }

    @Test
    void everyDocumentedVariableIsOneTheServiceReads() {
        Map<String, Set<String>> documented = DeployDoc.variables();
        for (String service : Checkout.SERVICES) {
            assertThat(CHECK.unknown("docs/deploy.md, " + service, Checkout.service(service),
                    documented.getOrDefault(service, Set.of()))).isEmpty();
            assertThat(CHECK.unknown("docs/deploy.md, " + DeployDoc.EVERY_SERVICE, Checkout.service(service),
                    documented.get(DeployDoc.EVERY_SERVICE))).isEmpty();
        }
    }

    @Test
    void everyVariableTheDeploymentsSetIsDocumented() {
        Map<String, Set<String>> documented = DeployDoc.variables();
        for (String service : Checkout.SERVICES) {
            Set<String> set = new TreeSet<>(composeVariables(service));
            DEPLOYMENTS.forEach(overlay -> set.addAll(kubernetesVariables(overlay, service)));
            assertThat(concat(documented.getOrDefault(service, Set.of()), documented.get(DeployDoc.EVERY_SERVICE)))
                    .as("docs/deploy.md documents what Compose and Kubernetes set for " + service).containsAll(set);
        }
    }

    /**
     * Every key a service's own code declares, every topic, consumer group and dead-letter topic of
     * its channels, and the extension keys a deployment sets, has its variable in the reference.
     */
    @Test
    void everyKeyTheServicesReadIsDocumented() {
        Map<String, Set<String>> documented = DeployDoc.variables();
        for (String service : Checkout.SERVICES) {
            ServiceConfig config = Checkout.service(service);
            Set<String> keys = new TreeSet<>(config.ownKeys());
            keys.addAll(config.frameworkKeys());
            config.properties().keySet().stream()
                    .filter(k -> k.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|group\\.id|dead-letter-queue\\.topic)"))
                    .forEach(keys::add);
            List<String> variables = keys.stream().map(EnvironmentVariables::of).toList();

            assertThat(concat(documented.getOrDefault(service, Set.of()), documented.get(DeployDoc.EVERY_SERVICE)))
                    .as("docs/deploy.md documents the keys of " + service).containsAll(variables);
        }
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
