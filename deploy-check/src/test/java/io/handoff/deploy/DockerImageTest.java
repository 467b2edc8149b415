package io.handoff.deploy;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/docker/Dockerfile.jvm and build-images.sh: a non-root user, a health check, the right ports. */
class DockerImageTest {

    private static final String DOCKERFILE = Checkout.read("deploy/docker/Dockerfile.jvm");

    /** The instructions, continuation lines joined. */
    private static List<String> instructions() {
        return List.of(DOCKERFILE.replaceAll("\\\\\\n", " ").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toArray(String[]::new));
    }

    @Test
    void theServiceRunsAsANonRootUser() {
        List<String> users = instructions().stream().filter(l -> l.startsWith("USER ")).toList();

        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).strip();
        assertThat(user).as("the last USER").isNotIn("root", "0", "0:0").matches("\\d+(:\\d+)?");
        assertThat(instructions().get(instructions().size() - 1)).as("USER comes before the entrypoint")
                .startsWith("ENTRYPOINT");
    }

    @Test
    void theImageChecksItsOwnReadiness() {
        List<String> checks = instructions().stream().filter(l -> l.startsWith("HEALTHCHECK ")).toList();

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0)).contains("CMD").contains("/q/health/ready").contains("HEALTHCHECK_PORT");
    }

    @Test
    void theBaseImageIsPinnedToATag() {
        Matcher base = Pattern.compile("ARG BASE_IMAGE=(\\S+)").matcher(DOCKERFILE);
        assertThat(base.find()).isTrue();
        assertThat(base.group(1)).matches("[\\w./-]+:[\\w.-]+").doesNotEndWith(":latest");
    }

    /** build-images.sh passes each module's own HTTP port, which the image's health check asks. */
    @Test
    void theBuildScriptPassesEachServicesHttpPort() {
        Matcher list = Pattern.compile("SERVICES=\"([^\"]*)\"").matcher(Checkout.read("deploy/docker/build-images.sh"));
        assertThat(list.find()).as("SERVICES in build-images.sh").isTrue();
        Map<String, String> ports = new LinkedHashMap<>();
        for (String entry : list.group(1).strip().split("\\s+")) {
            ports.put(entry.substring(0, entry.indexOf(':')), entry.substring(entry.indexOf(':') + 1));
        }

        assertThat(ports.keySet()).containsExactlyInAnyOrderElementsOf(Checkout.SERVICES);
        ports.forEach((service, port) -> assertThat(port).as(service)
                .isEqualTo(Checkout.service(service).property("quarkus.http.port").orElseThrow()));
    }
}
