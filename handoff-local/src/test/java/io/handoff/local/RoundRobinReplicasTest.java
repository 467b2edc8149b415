package io.handoff.local;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaBroker;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.PostgresServer;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.TokenIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged routers consume the escalations of one chatbot at the same time; round robin over four
 * recipients stays exactly fair across them.
 */
class RoundRobinReplicasTest {

    private static final int ESCALATIONS = 1000;

    @TempDir
    Path logs;

    @Test
    void twoRoutersShareOneFairRotation() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        try (KafkaBroker kafka = KafkaBroker.start(6);
             PostgresServer postgres = PostgresServer.start(0);
             KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            kafka.createHandoffTopics(6);
            Map<String, String> config = Replicas.config(kafka, postgres, "router");
            try (ServiceProcess one = Replicas.start("escalation-router", config, logs, "one");
                 ServiceProcess two = Replicas.start("escalation-router", config, logs, "two")) {
                HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(one.url("/api/v1/chatbots/" + chatbot + "/settings")))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TokenIssuer.shared().admin("admin@example.com", Duration.ofMinutes(5)))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"email\": {\"enabled\": true, \"roundRobin\": true,"
                                + " \"recipients\": \"a@support.test;b@support.test;c@support.test;d@support.test\"}}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

                for (int i = 0; i < ESCALATIONS; i++) {
                    EscalationCreated escalation = SampleEvents.escalation(chatbot, 10_000 + i, "help " + i);
                    client.send(Topics.ESCALATIONS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(escalation));
                }

                List<ConsumerRecord<String, String>> emails = client.awaitRecords(Topics.NOTIFY_EMAIL,
                        r -> r.value().contains(chatbot), ESCALATIONS, Duration.ofMinutes(3));
                Map<String, Integer> perRecipient = new TreeMap<>();
                Set<String> escalations = new HashSet<>();
                for (ConsumerRecord<String, String> email : emails) {
                    var command = EventJson.mapper().readTree(email.value());
                    assertThat(command.get("recipients")).hasSize(1);
                    perRecipient.merge(command.get("recipients").get(0).asText(), 1, Integer::sum);
                    escalations.add(email.key());
                }
                assertThat(escalations).hasSize(ESCALATIONS);
                assertThat(perRecipient).containsOnly(Map.entry("a@support.test", 250), Map.entry("b@support.test", 250),
                        Map.entry("c@support.test", 250), Map.entry("d@support.test", 250));
                // both replicas took part
                assertThat(List.of(one.log(), two.log())).allSatisfy(log ->
                        assertThat(java.nio.file.Files.readString(log)).contains("routed to 1 channel(s)"));
            }
        }
    }
}
