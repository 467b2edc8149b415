package io.handoff.deploy.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration-key check on a small service module (src/test/resources/fixtures/demo-service):
 * the variables a deployment sets are accepted while the service reads them, and reported once a key
 * is renamed in the service.
 */
class ConfigKeyCheckTest {

    /** What a deployment of the demo service sets. */
    private static final List<String> DEPLOYMENT = List.of("QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS",
            "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_JAAS_CONFIG", "QUARKUS_DATASOURCE_JDBC_URL",
            "HANDOFF_DEMO_PUBLIC_URL", "HANDOFF_DEMO_RETRY_DELAYS", "MP_MESSAGING_INCOMING_NOTIFY_DEMO_TOPIC",
            "JAVA_OPTS_APPEND");

    private final ConfigKeyCheck check = new ConfigKeyCheck(Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND"));

    @TempDir
    Path work;
    Path module;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/fixtures/demo-service").toURI());
        module = work.resolve("demo-service");
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Path target = module.resolve(fixture.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private List<ConfigKeyCheck.UnknownVariable> unknown(List<String> variables) {
        return check.unknown("deployment", ServiceConfigReader.read(module), variables);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = module.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void acceptsEveryVariableTheServiceReads() {
        assertThat(unknown(DEPLOYMENT)).isEmpty();
    }

    @Test
    void reportsAVariableWhoseMappingMethodWasRenamed() throws IOException {
        edit("src/main/java/demo/DemoConfig.java", "String publicUrl();", "String publicBaseUrl();");

        assertThat(unknown(DEPLOYMENT)).extracting(ConfigKeyCheck.UnknownVariable::variable)
                .containsExactly("HANDOFF_DEMO_PUBLIC_URL");
    }

    @Test
    void reportsAVariableWhoseNestedGroupWasRenamed() throws IOException {
        edit("src/main/java/demo/DemoConfig.java", "Retry retry();", "Retry retries();");

        assertThat(unknown(DEPLOYMENT)).extracting(ConfigKeyCheck.UnknownVariable::variable)
                .containsExactly("HANDOFF_DEMO_RETRY_DELAYS");
    }

    @Test
    void reportsAVariableOfAChannelThatWasRenamed() throws IOException {
        edit("src/main/resources/application.properties", "incoming.notify-demo.", "incoming.demo-commands.");

        assertThat(unknown(DEPLOYMENT)).extracting(ConfigKeyCheck.UnknownVariable::variable)
                .containsExactly("MP_MESSAGING_INCOMING_NOTIFY_DEMO_TOPIC");
    }

    @Test
    void reportsAMisspeltKafkaClientSetting() {
        assertThat(unknown(List.of("KAFKA_SASL_JAAS_CONFG", "KAFKA_SSL_TRUSTSTORE_CERTIFICATES")))
                .extracting(ConfigKeyCheck.UnknownVariable::variable).containsExactly("KAFKA_SASL_JAAS_CONFG");
    }

    @Test
    void reportsAnExtensionsKeyWhenTheServiceDoesNotHaveTheExtension() {
        assertThat(unknown(List.of("QUARKUS_MAILER_HOST", "MP_JWT_VERIFY_ISSUER")))
                .extracting(ConfigKeyCheck.UnknownVariable::variable)
                .containsExactly("QUARKUS_MAILER_HOST", "MP_JWT_VERIFY_ISSUER");
    }

    @Test
    void resolvesPropertyExpressionsAndLeavesTestProfileValuesOut() {
        ServiceConfig demo = ServiceConfigReader.read(module);

        assertThat(demo.property("handoff.demo.ledger-topic")).contains("handoff.deliveries");
        assertThat(demo.properties()).doesNotContainKey("handoff.demo.retry.delays");
        assertThat(demo.keys()).contains("handoff.demo.retry.delays");
    }
}
