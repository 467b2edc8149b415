package io.handoff.testing.quarkus;

import io.handoff.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus test at a real in-JVM Kafka broker. The broker is shared by every test class in
 * the JVM and stops with it.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap,
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // shared for the JVM; a shutdown hook stops it
    }

    public static String bootstrapServers() {
        return KafkaBroker.shared().bootstrapServers();
    }
}
