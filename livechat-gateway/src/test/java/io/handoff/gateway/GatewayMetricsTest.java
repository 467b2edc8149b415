package io.handoff.gateway;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.testing.AgentClient;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.ScrapedMetrics;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.handoff.gateway.Escalations.newEscalation;
import static io.handoff.gateway.Escalations.produce;
import static io.handoff.testing.AgentClient.escalationCreated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway's metrics on /q/metrics, under the Prometheus names docs/operations.md lists. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class GatewayMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static KafkaTestClient kafka;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private AgentClient agent(String name) {
        return AgentClient.connect(base, TokenIssuer.shared().agent(name + "-" + UUID.randomUUID(), name,
                List.of("chatbot-uuid"), Duration.ofMinutes(5)));
    }

    @Test
    void connectionsClaimsMessagesAndEndedLiveChatsAreCounted() throws Exception {
        ScrapedMetrics before = scrape();
        try (AgentClient sam = agent("Sam"); AgentClient kim = agent("Kim")) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(scrape().value("handoff_gateway_agent_connections"))
                    .isEqualTo(before.value("handoff_gateway_agent_connections") + 2));
            EscalationCreated escalation = newEscalation("I need a person");
            produce(kafka, escalation);
            sam.awaitFrame(escalationCreated(escalation.escalationId()));
            kim.awaitFrame(escalationCreated(escalation.escalationId()));
            String conversation = escalation.conversation().key();

            assertThat(sam.command("send", conversation, "text", "Hi, Sam here.").get("type").asText()).isEqualTo("ack");
            sam.command("send", conversation, "text", "Let me look.");
            assertThat(kim.command("send", conversation, "text", "Kim here!").get("error").asText()).isEqualTo("taken");
            assertThat(sam.command("end", conversation).get("type").asText()).isEqualTo("ack");

            ScrapedMetrics after = scrape();
            assertThat(delta(before, after, "handoff_gateway_claims_total", "outcome", "claimed")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_gateway_claims_total", "outcome", "taken")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_gateway_agent_messages_total")).isEqualTo(2);
            assertThat(delta(before, after, "handoff_gateway_livechats_ended_total")).isEqualTo(1);
            // the WebSocket extension's own: connections, and frames and bytes each way
            assertThat(delta(before, after, "quarkus_websockets_server_connections_opened_total")).isEqualTo(2);
            assertThat(delta(before, after, "quarkus_websockets_server_count_total", "direction", "INBOUND")).isEqualTo(4);
            assertThat(delta(before, after, "quarkus_websockets_server_count_total", "direction", "OUTBOUND"))
                    .isGreaterThanOrEqualTo(10);
            assertThat(delta(before, after, "quarkus_websockets_server_bytes_total")).isPositive();
        }
        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics closed = scrape();
            assertThat(closed.value("handoff_gateway_agent_connections"))
                    .isEqualTo(before.value("handoff_gateway_agent_connections"));
            assertThat(delta(before, closed, "quarkus_websockets_server_connections_closed_total")).isEqualTo(2);
        });
    }

    @Test
    void anUnreadableEscalationIsCountedAsADeadLetterOfItsTopic() {
        ScrapedMetrics before = scrape();
        String key = "dlq-" + UUID.randomUUID();
        kafka.send(Topics.ESCALATIONS, key, "{not json");
        kafka.awaitRecord(Topics.dlq(Topics.ESCALATIONS), r -> key.equals(r.key()), WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics after = scrape();
            assertThat(delta(before, after, "handoff_dlq_records_total", "topic", Topics.ESCALATIONS)).isEqualTo(1);
            assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
        });
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        assertThat(after.has(name, labels)).as("%s on /q/metrics", name).isTrue();
        return after.value(name, labels) - before.value(name, labels);
    }
}
