package io.handoff.router;

import io.handoff.events.AgentRef;
import io.handoff.events.Topics;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.ScrapedMetrics;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.handoff.router.Broker.kafka;
import static io.handoff.router.Tokens.asAdmin;
import static io.handoff.router.TrackedEscalations.awaitTracked;
import static io.handoff.router.TrackedEscalations.makeReminderDue;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The router's metrics on /q/metrics, under the Prometheus names docs/operations.md lists. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
class RouterMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static void send(String topic, String key, Object event) throws Exception {
        kafka().send(topic, key, EventJson.mapper().writeValueAsString(event));
    }

    @Test
    void anEscalationFromRoutingToResolutionIsCountedAndTimed() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        asAdmin().contentType(ContentType.JSON).body("""
                        {"offerFirst": false, "email": {"enabled": true, "recipients": "ana@support.test"},
                         "webhook": {"enabled": true, "url": "https://crm.example.com/hooks/handoff"},
                         "responseSlaMinutes": 15}""")
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200);
        ScrapedMetrics before = scrape();

        // whole seconds, as the database keeps them, so the recorded times are exact
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        EscalationCreated sample = SampleEvents.escalation(chatbot, 9101, "I need a person");
        EscalationCreated escalation = new EscalationCreated(null, sample.eventId(), created, sample.escalationId(),
                sample.chatbot(), sample.conversation(), sample.visitor(), sample.lastMessage(), sample.transcript(),
                sample.trigger(), sample.signals());
        String id = escalation.escalationId();
        String conversation = escalation.conversation().key();
        send(Topics.ESCALATIONS, conversation, escalation);
        ConsumerRecord<String, String> webhook = kafka().awaitRecord(Topics.NOTIFY_WEBHOOK, r -> id.equals(r.key()), WAIT);
        awaitTracked(id, "WAITING");

        String deliveryId = EventJson.mapper().readTree(webhook.value()).get("deliveryId").asText();
        send(Topics.DELIVERIES, id, new DeliveryResult(null, UUID.randomUUID().toString(), Instant.now(), id, deliveryId,
                DeliveryChannel.WEBHOOK, "https://crm.example.com/hooks/handoff", DeliveryStatus.DELIVERED, 1, "HTTP 200"));
        makeReminderDue(dataSource, id);
        kafka().awaitRecord(Topics.NOTIFY_EMAIL, r -> id.equals(r.key()) && r.value().contains("\"reminder\":true"), WAIT);
        AgentRef agent = new AgentRef("agent-7", "Sam");
        send(Topics.DIRECTIVES, conversation, new LivechatStarted(null, UUID.randomUUID().toString(),
                created.plusSeconds(90), escalation.chatbot(), escalation.conversation(), id, agent, "Sam has joined"));
        send(Topics.DIRECTIVES, conversation, new LivechatEnded(null, UUID.randomUUID().toString(),
                created.plus(20, ChronoUnit.MINUTES), escalation.chatbot(), escalation.conversation(), agent, "Live chat has ended"));
        awaitTracked(id, "RESOLVED");

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics after = scrape();
            assertThat(delta(before, after, "handoff_router_escalations_received_total", "trigger", "human_request")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_router_escalations_routed_total")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_router_escalations_unrouted_total")).isZero();
            assertThat(delta(before, after, "handoff_router_notifications_total", "channel", "email")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_router_notifications_total", "channel", "webhook")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_router_notifications_total", "channel", "slack")).isZero();
            assertThat(delta(before, after, "handoff_router_reminders_total", "channel", "email")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_router_deliveries_total", "channel", "webhook", "status", "delivered"))
                    .isEqualTo(1);
            // answered after 90 s: within the 2 minute bucket, not the 1 minute one
            assertThat(delta(before, after, "handoff_router_first_response_seconds_bucket", "le", "60.0")).isZero();
            assertThat(delta(before, after, "handoff_router_first_response_seconds_bucket", "le", "120.0")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_router_first_response_seconds_sum")).isEqualTo(90);
            // resolved after 20 minutes
            assertThat(delta(before, after, "handoff_router_resolution_seconds_bucket", "le", "900.0")).isZero();
            assertThat(delta(before, after, "handoff_router_resolution_seconds_bucket", "le", "1800.0")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_router_resolution_seconds_count")).isEqualTo(1);
        });
    }

    @Test
    void aRecordSentToTheDeadLetterTopicIsCountedUnderItsSourceTopic() {
        ScrapedMetrics before = scrape();
        String key = "dlq-" + UUID.randomUUID();
        kafka().send(Topics.ESCALATIONS, key, "{not json");
        kafka().awaitRecord(Topics.dlq(Topics.ESCALATIONS), r -> key.equals(r.key()), WAIT);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(delta(before, scrape(), "handoff_dlq_records_total", "topic", Topics.ESCALATIONS)).isEqualTo(1));
    }

    @Test
    void kafkaClientsReportLagAndRecordsConsumedAndSent() throws Exception {
        ScrapedMetrics before = scrape();
        String escalationId = "metrics-" + UUID.randomUUID();
        send(Topics.DELIVERIES, escalationId, new DeliveryResult(null, UUID.randomUUID().toString(), Instant.now(),
                escalationId, "d-" + escalationId, DeliveryChannel.SLACK, "C0SUPPORT", DeliveryStatus.FAILED, 1, "channel_not_found"));

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics metrics = scrape();
            assertThat(delta(before, metrics, "handoff_router_deliveries_total", "channel", "slack", "status", "failed"))
                    .isEqualTo(1);
            // per client at first; the binder adds the per-topic and per-partition series within a minute
            assertThat(metrics.has("kafka_consumer_fetch_manager_records_lag_max", "client_id", "kafka-consumer-deliveries"))
                    .isTrue();
            assertThat(metrics.has("kafka_consumer_fetch_manager_records_consumed_total", "client_id",
                    "kafka-consumer-deliveries")).isTrue();
            assertThat(metrics.has("kafka_producer_record_send_total")).isTrue();
        });
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        assertThat(after.has(name, labels)).as("%s on /q/metrics", name).isTrue();
        return after.value(name, labels) - before.value(name, labels);
    }
}
