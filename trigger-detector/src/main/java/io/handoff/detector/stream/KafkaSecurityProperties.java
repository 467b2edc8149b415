package io.handoff.detector.stream;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Kafka client's security settings (TLS and SASL) among the application's {@code kafka.*}
 * configuration, for the Kafka Streams client.
 *
 * <p>The other services hand every {@code kafka.*} property to their Kafka clients, so a cluster that
 * needs TLS or SASL is configured for all of them with the same variables ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_*}, …).
 * The detector takes only these, not the whole set: the rest of its client configuration is its own
 * (application id, processing guarantee, {@code handoff.detector.streams.*}).
 */
public final class KafkaSecurityProperties {

    private KafkaSecurityProperties() {
    }

    /** The entries of {@code kafkaConfig} (keys without the {@code kafka.} prefix) that configure security. */
    public static Map<String, Object> of(Map<String, ?> kafkaConfig) {
        Map<String, Object> security = new TreeMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (isSecurityKey(key) && value != null && !value.toString().isEmpty()) {
                security.put(key, value);
            }
        });
        return security;
    }

    static boolean isSecurityKey(String key) {
        return key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.");
    }
}
