package io.handoff.deploy.compose;

import io.handoff.deploy.Checkout;
import io.handoff.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml read as Compose reads it: what starts, in which order, whether it can tell that
 * each part is up, and whether the topics it creates are the ones the services use. With a docker CLI
 * that has the Compose plugin, {@code docker compose config} validates it too.
 */
class ComposeFileTest {

    private static final ComposeFile COMPOSE = ComposeFile.read(Checkout.path("docker-compose.yml"));
    private static final Set<String> COMPACTED = Set.of(Topics.CHATBOT_SETTINGS, Topics.SLACK_CONNECTIONS);
    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");

    private static ComposeService service(String name) {
        ComposeService service = COMPOSE.services().get(name);
        assertThat(service).as("Compose service " + name).isNotNull();
        return service;
    }

    @Test
    void runsTheSixServicesBuiltFromTheOneDockerfile() {
        for (String name : Checkout.SERVICES) {
            ComposeService service = service(name);
            String port = Checkout.service(name).property("quarkus.http.port").orElseThrow();
            assertThat(service.dockerfile()).as(name).contains("deploy/docker/Dockerfile.jvm");
            assertThat(service.buildArgs()).as(name).containsEntry("MODULE", name).containsEntry("PORT", port);
            assertThat(service.environment()).as(name).containsEntry("QUARKUS_HTTP_PORT", port);
            assertThat(service.image()).as(name).contains("handoff/" + name + ":${TAG:-latest}");
        }
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        COMPOSE.services().values().stream().filter(s -> !s.runsOnce()).forEach(service -> {
            assertThat(service.healthcheck()).as(service.name()).isPresent();
            assertThat(service.healthcheck().get().get("test")).as(service.name() + " healthcheck test").isNotNull();
        });
        for (String name : Checkout.SERVICES) {
            assertThat(service(name).healthcheck().orElseThrow().get("test").toString()).as(name).contains("/q/health/ready");
        }
    }

    @Test
    void everyDependencyExistsAndIsWaitedForInAWayItCanReport() {
        Map<String, ComposeService> services = COMPOSE.services();
        services.values().forEach(service -> service.dependsOn().forEach((target, condition) -> {
            String where = service.name() + " depends on " + target;
            assertThat(services).as(where).containsKey(target);
            assertThat(condition).as(where).isIn(CONDITIONS);
            if (condition.equals("service_healthy")) {
                assertThat(services.get(target).healthcheck()).as(where + ": healthcheck").isPresent();
            }
            if (condition.equals("service_completed_successfully")) {
                assertThat(services.get(target).runsOnce()).as(where + ": runs once").isTrue();
            } else {
                assertThat(condition).as(where + ": waits for health").isEqualTo("service_healthy");
            }
        }));
        services.values().stream().filter(ComposeService::runsOnce).forEach(once -> assertThat(services.values())
                .as(once.name() + " is waited for").anySatisfy(s -> assertThat(s.dependsOn()).containsEntry(once.name(),
                        "service_completed_successfully")));
    }

    @Test
    void servicesStartAfterTheTopicsExistAndTheirDatabaseAndMailServerAreUp() {
        for (String name : Checkout.SERVICES) {
            Map<String, String> dependsOn = service(name).dependsOn();
            assertThat(dependsOn).as(name).containsEntry("kafka-topics", "service_completed_successfully");
            if (Checkout.service(name).property("quarkus.datasource.db-kind").isPresent()) {
                assertThat(dependsOn).as(name).containsEntry("postgres", "service_healthy");
            }
            if (Checkout.service(name).dependsOn("quarkus-mailer")) {
                assertThat(dependsOn).as(name).containsEntry("mailpit", "service_healthy");
            }
        }
    }

    @Test
    void everyImageNotBuiltHereIsPinnedToATag() {
        COMPOSE.services().values().stream().filter(s -> !s.built()).forEach(service -> {
            String image = service.image().orElseThrow(() -> new AssertionError(service.name() + " has no image"));
            String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
            assertThat(tag).as(service.name() + " image " + image).isNotEmpty().isNotEqualTo("latest");
        });
    }

    @Test
    void everyNamedVolumeIsDeclared() {
        COMPOSE.services().values().forEach(service -> service.volumes().stream()
                .map(v -> v.substring(0, v.indexOf(':')))
                .filter(source -> !source.startsWith(".") && !source.startsWith("/"))
                .forEach(volume -> assertThat(COMPOSE.volumes()).as(service.name()).contains(volume)));
    }

    /** kafka-topics creates every topic in {@link Topics} and its dead-letter twin, compacting the right ones. */
    @Test
    void createsEveryTopicTheServicesUse() throws IllegalAccessException {
        String script = String.valueOf(service("kafka-topics").definition().get("command"));
        Matcher loop = Pattern.compile("for topic in ([^;]+);").matcher(script);
        assertThat(loop.find()).as("the topic loop in kafka-topics").isTrue();
        List<String> created = List.of(loop.group(1).replace("\\", " ").trim().split("\\s+"));
        Matcher compacted = Pattern.compile("\"\\$\\$topic\" = ([\\w.-]+)").matcher(script);
        List<String> compactedNames = new ArrayList<>();
        while (compacted.find()) {
            compactedNames.add(compacted.group(1));
        }

        assertThat(created).containsExactlyInAnyOrderElementsOf(topics());
        assertThat(compactedNames).containsExactlyInAnyOrderElementsOf(COMPACTED);
        assertThat(script).contains("create \"$$topic" + Topics.DLQ_SUFFIX + "\"").contains("cleanup.policy=compact");
    }

    private static List<String> topics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DLQ_SUFFIX")) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    /** An extra where a docker CLI with the Compose plugin is installed; the checks above stand without it. */
    @Test
    void dockerComposeAcceptsTheFileWhereItIsInstalled() throws IOException, InterruptedException {
        if (run("docker", "compose", "version") != 0) {
            return;
        }
        assertThat(run("docker", "compose", "-f", Checkout.path("docker-compose.yml").toString(), "config", "-q"))
                .as("docker compose config -q").isZero();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return -1;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0 && command.length > 3) {
            System.err.println(output);
        }
        return process.exitValue();
    }
}
