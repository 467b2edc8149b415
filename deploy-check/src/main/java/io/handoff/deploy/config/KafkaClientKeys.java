package io.handoff.deploy.config;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Set;
import java.util.TreeSet;

/**
 * The Kafka client's own configuration names (consumer, producer and admin client), which the
 * services read as {@code kafka.<name>}, e.g. {@code KAFKA_SASL_JAAS_CONFIG} for
 * {@code sasl.jaas.config}.
 */
public final class KafkaClientKeys {

    private static final Set<String> ALL = load();

    private KafkaClientKeys() {
    }

    public static Set<String> all() {
        return ALL;
    }

    private static Set<String> load() {
        Set<String> names = new TreeSet<>();
        names.addAll(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }

    /** TLS and SASL: the settings every client needs for a secured cluster. */
    public static boolean isSecurity(String name) {
        return name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl.");
    }
}
