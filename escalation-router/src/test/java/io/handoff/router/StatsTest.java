package io.handoff.router;

import io.handoff.events.AgentRef;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.Topics;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.directive.EscalationOffered;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.router.persistence.ActivityRepository;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.handoff.router.Broker.kafka;
import static io.handoff.router.Tokens.asAdmin;
import static io.handoff.router.Tokens.asOwnerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The statistics endpoint against a known sequence of events, over the real broker and database. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
class StatsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T00:00:00Z");

    @Inject
    ActivityRepository activity;

    private final String chatbot = "bot-" + UUID.randomUUID();
    private final long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);

    private String conversation(int n) {
        return String.valueOf(base + n);
    }

    private ChatbotRef chatbotRef() {
        return new ChatbotRef(ExternalId.of(chatbot), "My Chatbot");
    }

    private ConversationRef conversationRef(int n) {
        return new ConversationRef(ExternalId.of(conversation(n)), "web", "en");
    }

    private void send(String topic, int conversation, Object event) throws Exception {
        kafka().send(topic, conversation(conversation), EventJson.mapper().writeValueAsString(event));
    }

    private void visitorWrites(int n, Instant at) throws Exception {
        MessageCreated m = SampleEvents.visitorMessage(chatbot, conversation(n), SampleEvents.visitor(null), "hello");
        send(Topics.CONVERSATION_EVENTS, n, new MessageCreated(null, m.eventId(), at, m.chatbot(), m.conversation(),
                m.visitor(), m.message(), null));
    }

    private EscalationCreated escalate(int n, Instant at, String trigger) throws Exception {
        EscalationCreated e = SampleEvents.escalation(chatbot, base + n, "I need a person");
        Signal signal = new Signal(trigger, 0.9, "evidence");
        EscalationCreated timed = new EscalationCreated(null, e.eventId(), at, e.escalationId(), e.chatbot(),
                e.conversation(), e.visitor(), e.lastMessage(), e.transcript(), signal, List.of(signal));
        send(Topics.ESCALATIONS, n, timed);
        return timed;
    }

    private void reportEmail(EscalationCreated escalation, DeliveryStatus status) throws Exception {
        ConsumerRecord<String, String> command = kafka().awaitRecord(Topics.NOTIFY_EMAIL,
                r -> escalation.escalationId().equals(r.key()), WAIT);
        String deliveryId = EventJson.mapper().readTree(command.value()).get("deliveryId").asText();
        kafka().send(Topics.DELIVERIES, escalation.escalationId(), EventJson.mapper().writeValueAsString(new DeliveryResult(
                null, UUID.randomUUID().toString(), Instant.now(), escalation.escalationId(), deliveryId,
                DeliveryChannel.EMAIL, "ana@support.test", status, 1, status == DeliveryStatus.DELIVERED ? "accepted" : "refused")));
    }

    /** An agent answers; as in production, the escalation has been routed by then. */
    private void agentJoins(int n, EscalationCreated escalation, Instant at) throws Exception {
        TrackedEscalations.awaitTracked(escalation.escalationId(), "WAITING");
        send(Topics.DIRECTIVES, n, new LivechatStarted(null, UUID.randomUUID().toString(), at, chatbotRef(),
                conversationRef(n), escalation.escalationId(), new AgentRef("sam", "Sam"), "Sam has joined"));
    }

    @Test
    void countsConversationsEscalationsResponsesOffersAndDeliveriesPerDayAndInTotal() throws Exception {
        asAdmin().contentType(ContentType.JSON).body("""
                        {"name": "My Chatbot", "offerFirst": false,
                         "email": {"enabled": true, "recipients": "ana@support.test"},
                         "backupContacts": "lead@support.test", "responseSlaMinutes": 15}""")
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200);

        // Monday: four conversations, one offered a person who declined, two escalated
        for (int n = 1; n <= 4; n++) {
            visitorWrites(n, MONDAY.plusSeconds(36_000 + n));
        }
        send(Topics.DIRECTIVES, 2, new EscalationOffered(null, UUID.randomUUID().toString(), MONDAY.plusSeconds(36_100),
                chatbotRef(), conversationRef(2), "Would you like to talk to a person?"));
        send(Topics.CONVERSATION_EVENTS, 2, new EscalationDeclined(null, UUID.randomUUID().toString(),
                MONDAY.plusSeconds(36_200), chatbotRef(), conversationRef(2)));
        EscalationCreated first = escalate(1, MONDAY.plusSeconds(36_300), SignalType.HUMAN_REQUEST);
        EscalationCreated third = escalate(3, MONDAY.plusSeconds(39_600), SignalType.FRUSTRATION);
        reportEmail(first, DeliveryStatus.DELIVERED);
        reportEmail(third, DeliveryStatus.FAILED);
        agentJoins(1, first, MONDAY.plusSeconds(36_300 + 120));
        send(Topics.DIRECTIVES, 1, new LivechatEnded(null, UUID.randomUUID().toString(), MONDAY.plusSeconds(36_300 + 720),
                chatbotRef(), conversationRef(1), new AgentRef("sam", "Sam"), "The AI is back"));

        // Tuesday: two conversations, one offered, accepted and escalated, answered after ten minutes
        visitorWrites(5, TUESDAY.plusSeconds(32_000));
        visitorWrites(6, TUESDAY.plusSeconds(32_100));
        send(Topics.DIRECTIVES, 5, new EscalationOffered(null, UUID.randomUUID().toString(), TUESDAY.plusSeconds(32_200),
                chatbotRef(), conversationRef(5), "Would you like to talk to a person?"));
        EscalationCreated fifth = escalate(5, TUESDAY.plusSeconds(32_400), SignalType.HUMAN_REQUEST);
        agentJoins(5, fifth, TUESDAY.plusSeconds(32_400 + 600));

        String path = "/api/v1/chatbots/{id}/stats?from=2026-03-02T00:00:00Z&to=2026-03-04T00:00:00Z&interval=day";
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get(path, chatbot).then().statusCode(200)
                .body("totals.conversations", equalTo(6))
                .body("totals.offersDeclined", equalTo(1))
                .body("totals.resolution.count", equalTo(1))
                .body("totals.firstResponse.count", equalTo(2))
                .body("totals.deliveries.email.failed", equalTo(1))
                .body("totals.deliveries.email.delivered", equalTo(1)));

        JsonPath stats = asOwnerOf(chatbot).when().get(path, chatbot).then().statusCode(200).extract().jsonPath();
        assertThat(stats.getString("interval")).isEqualTo("day");
        assertThat(stats.getInt("totals.escalations")).isEqualTo(3);
        assertThat(stats.getDouble("totals.escalationRate")).isEqualTo(0.5);
        assertThat(stats.getMap("totals.escalationsByTrigger")).containsOnly(
                java.util.Map.entry("human_request", 2), java.util.Map.entry("frustration", 1));
        assertThat(stats.getInt("totals.offers")).isEqualTo(2);
        assertThat(stats.getDouble("totals.firstResponse.medianSeconds")).isEqualTo(360.0);
        assertThat(stats.getDouble("totals.firstResponse.p90Seconds")).isCloseTo(552.0, within(0.001));
        assertThat(stats.getDouble("totals.resolution.medianSeconds")).isEqualTo(720.0);
        assertThat(stats.getInt("totals.sla.tracked")).isEqualTo(3);
        assertThat(stats.getInt("totals.sla.answeredWithin")).isEqualTo(2);
        assertThat(stats.getDouble("totals.sla.share")).isCloseTo(2.0 / 3, within(0.0001));

        assertThat(stats.getList("series.start")).containsExactly("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");
        assertThat(stats.getInt("series[0].conversations")).isEqualTo(4);
        assertThat(stats.getInt("series[0].escalations")).isEqualTo(2);
        assertThat(stats.getDouble("series[0].escalationRate")).isEqualTo(0.5);
        assertThat(stats.getInt("series[0].offers")).isEqualTo(1);
        assertThat(stats.getInt("series[0].offersDeclined")).isEqualTo(1);
        assertThat(stats.getDouble("series[0].firstResponse.medianSeconds")).isEqualTo(120.0);
        assertThat(stats.getInt("series[0].deliveries.email.failed")).isEqualTo(1);
        assertThat(stats.getInt("series[1].conversations")).isEqualTo(2);
        assertThat(stats.getInt("series[1].escalations")).isEqualTo(1);
        assertThat(stats.getInt("series[1].offersDeclined")).isEqualTo(0);
        assertThat(stats.getDouble("series[1].firstResponse.medianSeconds")).isEqualTo(600.0);
        assertThat(stats.getMap("series[1].escalationsByTrigger")).containsOnly(java.util.Map.entry("human_request", 1));

        JsonPath hourly = asAdmin().when().get("/api/v1/chatbots/{id}/stats?from=2026-03-02T10:00:00Z"
                + "&to=2026-03-02T12:00:00Z&interval=hour", chatbot).then().statusCode(200).extract().jsonPath();
        assertThat(hourly.getList("series.escalations", Integer.class)).containsExactly(1, 1);
        assertThat(hourly.getInt("totals.conversations")).isEqualTo(4);
    }

    @Test
    void aConversationIsCountedOnceOnTheDayOfItsFirstMessageHoweverManyMessagesFollow() throws Exception {
        // sent together, so they come in one poll: the new conversations of a batch are written in one statement
        visitorWrites(1, MONDAY.plusSeconds(36_000));
        visitorWrites(1, MONDAY.plusSeconds(36_060));
        visitorWrites(2, TUESDAY.plusSeconds(100));
        visitorWrites(1, TUESDAY.plusSeconds(200));
        visitorWrites(2, TUESDAY.plusSeconds(300));
        visitorWrites(3, TUESDAY.plusSeconds(400));

        String path = "/api/v1/chatbots/{id}/stats?from=2026-03-02T00:00:00Z&to=2026-03-04T00:00:00Z&interval=day";
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get(path, chatbot).then().statusCode(200)
                .body("totals.conversations", equalTo(3)));
        JsonPath stats = asAdmin().when().get(path, chatbot).then().statusCode(200).extract().jsonPath();
        assertThat(stats.getList("series.conversations", Integer.class)).containsExactly(1, 2);
    }

    @Test
    void oneWriteOfABatchRecordsEachConversationOnceAtItsFirstMessage() {
        // a conversation twice in one statement would make PostgreSQL refuse the whole upsert
        activity.seen(List.of(
                new ActivityRepository.Seen(chatbot, conversation(1), MONDAY.plusSeconds(100)),
                new ActivityRepository.Seen(chatbot, conversation(2), MONDAY.plusSeconds(200)),
                new ActivityRepository.Seen(chatbot, conversation(1), TUESDAY.plusSeconds(100)),
                new ActivityRepository.Seen(chatbot, conversation(3), TUESDAY.plusSeconds(200))));
        activity.seen(List.of(new ActivityRepository.Seen(chatbot, conversation(2), TUESDAY.plusSeconds(300))));

        JsonPath stats = asAdmin().when().get("/api/v1/chatbots/{id}/stats?from=2026-03-02T00:00:00Z"
                + "&to=2026-03-04T00:00:00Z&interval=day", chatbot).then().statusCode(200).extract().jsonPath();
        assertThat(stats.getInt("totals.conversations")).isEqualTo(3);
        assertThat(stats.getList("series.conversations", Integer.class)).containsExactly(2, 1);
    }

    @Test
    void twoChatbotsUsingTheSameConversationIdEachCountTheirOwnConversation() {
        String other = "bot-" + UUID.randomUUID();
        activity.seen(List.of(new ActivityRepository.Seen(chatbot, conversation(7), MONDAY.plusSeconds(100)),
                new ActivityRepository.Seen(other, conversation(7), MONDAY.plusSeconds(200))));
        activity.offered(other, conversation(7), MONDAY.plusSeconds(300));

        for (String bot : List.of(chatbot, other)) {
            JsonPath stats = asAdmin().when().get("/api/v1/chatbots/{id}/stats?from=2026-03-02T00:00:00Z"
                    + "&to=2026-03-03T00:00:00Z&interval=day", bot).then().statusCode(200).extract().jsonPath();
            assertThat(stats.getInt("totals.conversations")).as(bot).isEqualTo(1);
            assertThat(stats.getInt("totals.offers")).as(bot).isEqualTo(bot.equals(other) ? 1 : 0);
        }
    }

    @Test
    void anInvalidEventGoesToTheDeadLetterTopicWithTheReasonAndTheEventsAroundItAreCounted() throws Exception {
        String invalid = "{\"type\": \"message.created\", \"eventId\": \"e-1\", \"message\": {";
        visitorWrites(1, MONDAY.plusSeconds(100));
        kafka().send(Topics.CONVERSATION_EVENTS, conversation(2), invalid);
        kafka().send(Topics.CONVERSATION_EVENTS, conversation(3), "{\"type\": \"message.deleted\"}");
        visitorWrites(4, MONDAY.plusSeconds(200));

        ConsumerRecord<String, String> malformed = kafka().awaitRecord(Topics.dlq(Topics.CONVERSATION_EVENTS),
                r -> conversation(2).equals(r.key()), WAIT);
        assertThat(malformed.value()).isEqualTo(invalid);
        assertThat(KafkaTestClient.header(malformed, "dead-letter-reason")).startsWith("malformed JSON");
        assertThat(KafkaTestClient.header(malformed, "dead-letter-topic")).isEqualTo(Topics.CONVERSATION_EVENTS);
        assertThat(KafkaTestClient.header(malformed, "dead-letter-offset")).isNotBlank();
        ConsumerRecord<String, String> unknown = kafka().awaitRecord(Topics.dlq(Topics.CONVERSATION_EVENTS),
                r -> conversation(3).equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(unknown, "dead-letter-reason")).contains("'message.deleted' is not an event");

        String path = "/api/v1/chatbots/{id}/stats?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z&interval=day";
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get(path, chatbot).then().statusCode(200)
                .body("totals.conversations", equalTo(2)));
    }

    @Test
    void badRangesAndIntervalsAreProblemsNamingTheParameter() {
        String chatbot = "bot-" + UUID.randomUUID();
        asAdmin().when().get("/api/v1/chatbots/{id}/stats?interval=month", chatbot)
                .then().statusCode(400).contentType(containsString("json"))
                .body(containsString("interval"));
        asAdmin().when().get("/api/v1/chatbots/{id}/stats?from=2026-03-04T00:00:00Z&to=2026-03-02T00:00:00Z", chatbot)
                .then().statusCode(400).body(containsString("must be before to"));
        asAdmin().when().get("/api/v1/chatbots/{id}/stats?from=yesterday", chatbot)
                .then().statusCode(400).body(containsString("from"));
        asAdmin().when().get("/api/v1/chatbots/{id}/stats?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=hour", chatbot)
                .then().statusCode(400).body(containsString("1000 buckets"));
        asAdmin().when().get("/api/v1/chatbots/{id}/stats", chatbot)
                .then().log().ifValidationFails().statusCode(200).body("series.size()", equalTo(8)).body("totals.escalationRate", equalTo(null));
    }

    @Test
    void onlyTheChatbotsOwnersSeeItsStatistics() {
        asOwnerOf("someone-else").when().get("/api/v1/chatbots/{id}/stats", chatbot).then().statusCode(403);
        io.restassured.RestAssured.given().when().get("/api/v1/chatbots/{id}/stats", chatbot).then().statusCode(401);
    }
}
