package io.handoff.detector;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.Topics;
import io.handoff.events.VisitorRef;
import io.handoff.events.conversation.EscalationAccepted;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.ChatbotSettingsSnapshot;
import io.handoff.events.settings.HandoffLevel;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.ScrapedMetrics;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The detector's metrics on /q/metrics, under the Prometheus names docs/operations.md lists. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
class DetectorMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    static KafkaTestClient kafka;

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

    private static void send(String conversation, Object event) throws Exception {
        kafka.send(Topics.CONVERSATION_EVENTS, conversation, EventJson.mapper().writeValueAsString(event));
    }

    private static ConversationRef conversation(String id) {
        return new ConversationRef(ExternalId.of(id), "web", "en");
    }

    @Test
    void offersTheirAnswersAndEscalationsAreCountedWithoutConversationOrChatbotTags() throws Exception {
        String bot = "bot-" + UUID.randomUUID();
        kafka.send(Topics.CHATBOT_SETTINGS, bot, EventJson.mapper().writeValueAsString(new ChatbotSettingsSnapshot(null,
                UUID.randomUUID().toString(), Instant.now(), bot, 1, new ChatbotSettings("My Chatbot", true,
                HandoffLevel.BALANCED, true, false, null, null, null, null, null, null, null, null))));
        await().atMost(WAIT).untilAsserted(() -> RuleTesterCalls.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("chatbotId", bot, "messages", List.of(Map.of("role", "visitor", "text", "Can I talk to a person?"))))
                .when().post("/api/v1/triggers/evaluate")
                .then().statusCode(200).body("action", equalTo("offer")));
        ScrapedMetrics before = scrape();

        ChatbotRef chatbot = new ChatbotRef(ExternalId.of(bot), "My Chatbot");
        VisitorRef visitor = SampleEvents.visitor("jane@example.com");
        String declines = "c-" + UUID.randomUUID();
        send(declines, SampleEvents.visitorMessage(bot, declines, visitor, "Can I talk to a person?"));
        kafka.awaitRecord(Topics.DIRECTIVES, r -> declines.equals(r.key()) && r.value().contains("escalation.offered"), WAIT);
        send(declines, new EscalationDeclined(null, UUID.randomUUID().toString(), Instant.now(), chatbot, conversation(declines)));
        String accepts = "c-" + UUID.randomUUID();
        send(accepts, SampleEvents.visitorMessage(bot, accepts, visitor, "Can I talk to a person?"));
        kafka.awaitRecord(Topics.DIRECTIVES, r -> accepts.equals(r.key()) && r.value().contains("escalation.offered"), WAIT);
        send(accepts, new EscalationAccepted(null, UUID.randomUUID().toString(), Instant.now(), chatbot,
                conversation(accepts), visitor));
        kafka.awaitRecord(Topics.ESCALATIONS, r -> accepts.equals(r.key()), WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics after = scrape();
            assertThat(delta(before, after, "handoff_detector_conversations_total")).isEqualTo(2);
            assertThat(delta(before, after, "handoff_detector_events_total", "type", "message.created")).isEqualTo(2);
            assertThat(delta(before, after, "handoff_detector_events_total", "type", "escalation.declined")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_detector_events_total", "type", "escalation.accepted")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_detector_signals_total", "type", "human_request")).isEqualTo(2);
            assertThat(delta(before, after, "handoff_detector_decisions_total", "action", "offer")).isEqualTo(2);
            assertThat(delta(before, after, "handoff_detector_decisions_total", "action", "escalate")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_detector_decisions_total", "action", "none")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_detector_escalations_total", "trigger", "human_request")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_detector_offers_declined_total")).isEqualTo(1);
            assertThat(after.samples("handoff_detector_events_total"))
                    .allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("type"));
        });
    }

    @Test
    void anUnreadableEventIsCountedAsADeadLetterOfItsTopic() {
        ScrapedMetrics before = scrape();
        String key = "dlq-" + UUID.randomUUID();
        kafka.send(Topics.CONVERSATION_EVENTS, key, "{not json");
        kafka.awaitRecord(Topics.dlq(Topics.CONVERSATION_EVENTS), r -> key.equals(r.key()), WAIT);

        await().atMost(WAIT).untilAsserted(() -> assertThat(delta(before, scrape(), "handoff_dlq_records_total",
                "topic", Topics.CONVERSATION_EVENTS)).isEqualTo(1));
    }

    @Test
    void theStreamsClientsReportLagAndRecordsConsumedAndSent() {
        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics metrics = scrape();
            assertThat(metrics.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
            assertThat(metrics.has("kafka_consumer_fetch_manager_records_consumed_total")).isTrue();
            assertThat(metrics.has("kafka_producer_record_send_total")).isTrue();
            assertThat(metrics.names()).anyMatch(name -> name.startsWith("kafka_stream_"));
        });
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        assertThat(after.has(name, labels)).as("%s on /q/metrics", name).isTrue();
        return after.value(name, labels) - before.value(name, labels);
    }
}
