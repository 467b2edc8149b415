package io.handoff.deploy.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigMappingSourceTest {

    private static final String MAPPING = """
            package demo;

            import io.smallrye.config.ConfigMapping;

            /** Settings; {@code @ConfigMapping(prefix = "not.this")} in a comment is not a mapping. */
            @ConfigMapping(prefix = "handoff.demo")
            public interface DemoConfig {

                /** Where it is reached; the default holds // and { } inside a string. */
                @WithDefault("https://example.com/{id}//x")
                String publicUrl();

                @WithName("streams")
                Map<String, String> streamsOverrides();

                Optional<List<String>> allowedNetworks();

                java.time.Duration timerInterval();

                Retry retry();

                Optional<Tls> tls();

                default String describe() {
                    return "demo { }";
                }

                interface Retry {
                    @WithDefault("5s,30s")
                    List<Duration> delays();

                    @WithParentName
                    Limits limits();
                }

                interface Limits {
                    int maxRetryAfter();
                }

                interface Tls {
                    boolean enabled();
                }
            }
            """;

    @Test
    void readsEveryKeyOfTheMappingInKebabCaseUnderItsPrefix() {
        ConfigMappingSource.Keys keys = ConfigMappingSource.read(MAPPING).orElseThrow();

        assertThat(keys.keys()).containsExactlyInAnyOrder("handoff.demo.public-url", "handoff.demo.allowed-networks",
                "handoff.demo.timer-interval", "handoff.demo.retry.delays", "handoff.demo.retry.max-retry-after",
                "handoff.demo.tls.enabled");
        assertThat(keys.families()).containsExactly("handoff.demo.streams.");
    }

    @Test
    void aSourceWithoutAMappingHasNoKeys() {
        assertThat(ConfigMappingSource.read("class Plain { String url() { return \"@ConfigMapping\"; } }")).isEmpty();
    }

    @Test
    void failsOnAMemberItCannotRead() {
        String odd = "@ConfigMapping(prefix = \"x\")\ninterface X {\n  String url(int i);\n}\n";

        assertThatThrownBy(() -> ConfigMappingSource.read(odd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url(int i)");
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfig() {
        assertThat(EnvironmentVariables.of("handoff.router.inbox-url")).isEqualTo("HANDOFF_ROUTER_INBOX_URL");
        assertThat(EnvironmentVariables.of("kafka.sasl.jaas.config")).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
        assertThat(EnvironmentVariables.of("quarkus.log.category.\"io.x\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__IO_X__LEVEL");
    }
}
