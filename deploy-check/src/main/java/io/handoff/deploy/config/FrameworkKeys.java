package io.handoff.deploy.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configuration keys the services read through a Quarkus extension rather than through their own
 * code, by the extension that reads them. Only those a deployment sets or documents are listed: this
 * is what makes {@code QUARKUS_MAILER_HOST} a key notifier-email reads and the router does not.
 */
final class FrameworkKeys {

    static final Map<String, List<String>> BY_ARTIFACT = Map.of(
            "quarkus-vertx-http", List.of("quarkus.http.port", "quarkus.http.host"),
            "quarkus-rest-jackson", List.of("quarkus.http.port", "quarkus.http.host"),
            "quarkus-jdbc-postgresql", List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                    "quarkus.datasource.password"),
            "quarkus-mailer", List.of("quarkus.mailer.host", "quarkus.mailer.port", "quarkus.mailer.from",
                    "quarkus.mailer.username", "quarkus.mailer.password", "quarkus.mailer.start-tls",
                    "quarkus.mailer.tls"),
            "quarkus-smallrye-jwt", List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location",
                    "mp.jwt.verify.issuer"),
            "quarkus-kafka-client", List.of("kafka.bootstrap.servers"),
            "quarkus-messaging-kafka", List.of("kafka.bootstrap.servers"));

    private FrameworkKeys() {
    }

    /** The keys read by the extensions among {@code artifacts}. */
    static Set<String> of(Set<String> artifacts) {
        Set<String> keys = new TreeSet<>();
        BY_ARTIFACT.forEach((artifact, extensionKeys) -> {
            if (artifacts.contains(artifact)) {
                keys.addAll(extensionKeys);
            }
        });
        return Set.copyOf(keys);
    }
}
