package io.handoff.deploy.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one service reads from its configuration.
 *
 * @param service    the Maven module, which is also its name in Compose and Kubernetes
 * @param properties its {@code application.properties} as the production profile sees it (no
 *                   {@code %profile.} entries), expressions resolved
 * @param keys       every configuration key it reads
 * @param families   prefixes under which it reads any key (a map in a {@code @ConfigMapping}, a
 *                   messaging channel's attributes)
 * @param ownKeys    the keys its own code declares: {@code @ConfigMapping} members and
 *                   {@code @ConfigProperty} injections
 * @param kafkaKeys  the Kafka client settings it passes to its clients from {@code kafka.*}
 * @param artifacts  the artifact ids of its dependencies
 */
public record ServiceConfig(String service, Map<String, String> properties, Set<String> keys, Set<String> families,
                            Set<String> ownKeys, Set<String> kafkaKeys, Set<String> artifacts) {

    public static final String KAFKA_PREFIX = "kafka.";

    /** Whether the service reads the key this environment variable sets. */
    public boolean readsVariable(String variable) {
        if (keys.stream().anyMatch(key -> EnvironmentVariables.of(key).equals(variable))) {
            return true;
        }
        if (families.stream().anyMatch(family -> variable.startsWith(EnvironmentVariables.of(family)))) {
            return true;
        }
        return kafkaKeys.stream().anyMatch(name -> EnvironmentVariables.of(KAFKA_PREFIX + name).equals(variable));
    }

    /** The key an environment variable sets, as this service names it. */
    public Optional<String> keyOf(String variable) {
        return keys.stream().filter(key -> EnvironmentVariables.of(key).equals(variable)).findFirst()
                .or(() -> kafkaKeys.stream().map(name -> KAFKA_PREFIX + name)
                        .filter(key -> EnvironmentVariables.of(key).equals(variable)).findFirst());
    }

    /** The keys its Quarkus extensions read that a deployment sets (the datasource, the mailer, JWT, ...). */
    public Set<String> frameworkKeys() {
        return FrameworkKeys.of(artifacts);
    }

    public boolean dependsOn(String artifactId) {
        return artifacts.contains(artifactId);
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }
}
