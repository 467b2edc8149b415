package io.handoff.detector;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.Topics;
import io.handoff.events.VisitorRef;
import io.handoff.events.conversation.VisitorIdentified;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
class DetectorStreamTest {

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

    private static void send(String conversation, Object event) throws Exception {
        kafka.send(Topics.CONVERSATION_EVENTS, conversation, EventJson.mapper().writeValueAsString(event));
    }

    @Test
    void explicitRequestFromAKnownVisitorEscalatesWithTheTranscript() throws Exception {
        String conversation = "c-" + UUID.randomUUID();
        VisitorRef visitor = SampleEvents.visitor("jane@example.com");
        send(conversation, SampleEvents.visitorMessage("chatbot-uuid", conversation, visitor, "Where is my order?"));
        send(conversation, SampleEvents.assistantMessage("chatbot-uuid", conversation, visitor, "Which order do you mean?", null));
        send(conversation, SampleEvents.visitorMessage("chatbot-uuid", conversation, visitor, "Can I talk to a person?"));

        ConsumerRecord<String, String> escalation = kafka.awaitRecord(Topics.ESCALATIONS,
                r -> conversation.equals(r.key()), WAIT);
        var event = EventJson.mapper().readTree(escalation.value());
        assertThat(event.get("type").asText()).isEqualTo("escalation.created");
        assertThat(event.get("lastMessage").asText()).isEqualTo("Can I talk to a person?");
        assertThat(event.get("transcript")).hasSize(3);
        assertThat(event.get("transcript").get(0).get("text").asText()).isEqualTo("Where is my order?");
        assertThat(event.get("trigger").get("type").asText()).isEqualTo("human_request");
        assertThat(event.get("visitor").get("email").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void unknownVisitorIsAskedForAnEmailFirstAndEscalatedOnceItArrives() throws Exception {
        String conversation = "c-" + UUID.randomUUID();
        VisitorRef anonymous = SampleEvents.visitor(null);
        send(conversation, SampleEvents.visitorMessage("chatbot-uuid", conversation, anonymous, "human please"));

        ConsumerRecord<String, String> directive = kafka.awaitRecord(Topics.DIRECTIVES, r -> conversation.equals(r.key()), WAIT);
        assertThat(directive.value()).contains("\"type\":\"contact.requested\"").contains("emailPlaceholder");

        send(conversation, new VisitorIdentified(null, UUID.randomUUID().toString(), Instant.now(),
                new ChatbotRef(ExternalId.of("chatbot-uuid"), "My Chatbot"),
                new ConversationRef(ExternalId.of(conversation), "web", "en"),
                anonymous.withEmail("late@example.com")));

        ConsumerRecord<String, String> escalation = kafka.awaitRecord(Topics.ESCALATIONS, r -> conversation.equals(r.key()), WAIT);
        assertThat(escalation.value()).contains("late@example.com").contains("\"lastMessage\":\"human please\"");
    }

    @Test
    void invalidEventsGoToTheDeadLetterTopicAndProcessingContinues() throws Exception {
        String bad = "bad-" + UUID.randomUUID();
        kafka.send(Topics.CONVERSATION_EVENTS, bad, "{\"type\":\"message.created\",\"eventId\":\"x\"}");
        String wrongType = "wrong-" + UUID.randomUUID();
        kafka.send(Topics.CONVERSATION_EVENTS, wrongType, "not json at all");
        String conversation = "c-" + UUID.randomUUID();
        send(conversation, SampleEvents.visitorMessage("chatbot-uuid", conversation,
                SampleEvents.visitor("jane@example.com"), "get me a real agent"));

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.CONVERSATION_EVENTS), r -> bad.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("conversation");
        assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).isEqualTo(Topics.CONVERSATION_EVENTS);
        ConsumerRecord<String, String> garbage = kafka.awaitRecord(Topics.dlq(Topics.CONVERSATION_EVENTS), r -> wrongType.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(garbage, "dead-letter-reason")).contains("malformed JSON");
        assertThat(garbage.value()).isEqualTo("not json at all");

        kafka.awaitRecord(Topics.ESCALATIONS, r -> conversation.equals(r.key()), WAIT);
    }

    @Test
    void readinessReportsTheStreamAndKafka() {
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
