package io.handoff.router;

import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.quarkus.KafkaResource;

/** One client of the test broker for all router tests, made on first use and closed with the JVM. */
final class Broker {

    private static KafkaTestClient client;

    private Broker() {
    }

    static synchronized KafkaTestClient kafka() {
        if (client == null) {
            client = new KafkaTestClient(KafkaResource.bootstrapServers());
            KafkaTestClient made = client;
            Runtime.getRuntime().addShutdownHook(new Thread(made::close, "router-test-kafka-client"));
        }
        return client;
    }
}
