package io.handoff.detector;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.Topics;
import io.handoff.events.VisitorRef;
import io.handoff.events.conversation.EscalationAccepted;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.VisitorIdentified;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.ChatbotSettingsSnapshot;
import io.handoff.events.settings.DetectionRules;
import io.handoff.events.settings.HandoffLevel;
import io.handoff.events.settings.VisitorTexts;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
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

    /** Publishes settings as the router does and waits until the detector applies them. */
    private static void publish(String chatbot, ChatbotSettings settings, String expectedAction) throws Exception {
        kafka.send(Topics.CHATBOT_SETTINGS, chatbot, EventJson.mapper().writeValueAsString(
                new ChatbotSettingsSnapshot(null, UUID.randomUUID().toString(), Instant.now(), chatbot, 1, settings)));
        await().atMost(WAIT).untilAsserted(() -> RuleTesterCalls.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("chatbotId", chatbot, "messages", java.util.List.of(Map.of("role", "visitor", "text", "Can I talk to a person?"))))
                .when().post("/api/v1/triggers/evaluate")
                .then().statusCode(200).body("action", equalTo(expectedAction)));
    }

    private static ChatbotRef chatbot(String id) {
        return new ChatbotRef(ExternalId.of(id), "My Chatbot");
    }

    private static ConversationRef conversation(String id) {
        return new ConversationRef(ExternalId.of(id), "web", "en");
    }

    @Test
    void theRunningStoresUseTheSharedRocksDbMemoryBudget() throws Exception {
        String bot = "bot-" + UUID.randomUUID();
        String conversation = "c-" + UUID.randomUUID();
        send(conversation, SampleEvents.visitorMessage(bot, conversation, SampleEvents.visitor(null), "Can I talk to a person?"));
        kafka.awaitRecord(Topics.DIRECTIVES, r -> conversation.equals(r.key()), WAIT);

        // RocksDB writes the options each store was opened with next to its files: those this JVM opened
        Path state = Path.of(ConfigProvider.getConfig()
                .getValue("handoff.detector.state-dir", String.class));
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        List<String> stores;
        try (var files = Files.walk(state)) {
            stores = files.filter(f -> f.getFileName().toString().startsWith("OPTIONS-"))
                    .filter(f -> f.toString().contains("conversations"))
                    .filter(f -> modifiedAfter(f, started))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(stores).isNotEmpty()
                .allSatisfy(options -> assertThat(options).contains("cache_index_and_filter_blocks=true"));
    }

    private static boolean modifiedAfter(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(instant);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void twoChatbotsUsingTheSameConversationIdKeepSeparateConversations() throws Exception {
        String botA = "bot-a-" + UUID.randomUUID();
        String botB = "bot-b-" + UUID.randomUUID();
        ChatbotSettings emailRequired = new ChatbotSettings("Shop", true, HandoffLevel.BALANCED, false, true,
                null, null, null, null, null, null, null, null);
        publish(botA, emailRequired, "request_contact");
        publish(botB, emailRequired, "request_contact");
        String shared = "42-" + UUID.randomUUID();
        send(shared, SampleEvents.visitorMessage(botA, shared, SampleEvents.visitor("alice@a.example"), "Where is my order 77?"));
        // chatbot B's visitor of the same conversation id has given no email: B must ask for one, not
        // escalate with A's visitor's address, and B's transcript must not hold A's message
        send(shared, SampleEvents.visitorMessage(botB, shared, SampleEvents.visitor(null), "Can I talk to a person?"));

        ConsumerRecord<String, String> askedB = kafka.awaitRecord(Topics.DIRECTIVES,
                r -> shared.equals(r.key()) && r.value().contains(botB) && r.value().contains("contact.requested"), WAIT);
        assertThat(askedB.value()).doesNotContain("alice@a.example");

        send(shared, SampleEvents.visitorMessage(botA, shared, SampleEvents.visitor("alice@a.example"), "Can I talk to a person?"));
        ConsumerRecord<String, String> escalationA = kafka.awaitRecord(Topics.ESCALATIONS,
                r -> shared.equals(r.key()) && r.value().contains(botA), WAIT);
        JsonNode a = EventJson.mapper().readTree(escalationA.value());
        assertThat(a.get("visitor").get("email").asText()).isEqualTo("alice@a.example");
        assertThat(a.get("transcript")).extracting(line -> line.get("text").asText())
                .containsExactly("Where is my order 77?", "Can I talk to a person?");
        assertThat(kafka.readAll(Topics.ESCALATIONS, Duration.ofSeconds(2))).noneMatch(r -> shared.equals(r.key()) && r.value().contains(botB));
    }

    @Test
    void withOfferSkippedAnExplicitRequestFromAKnownVisitorEscalatesWithTheTranscript() throws Exception {
        String bot = "bot-" + UUID.randomUUID();
        publish(bot, new ChatbotSettings("My Chatbot", true, HandoffLevel.BALANCED, false, true, null, null, null, null, null, null, null, null),
                "request_contact");
        String conversation = "c-" + UUID.randomUUID();
        VisitorRef visitor = SampleEvents.visitor("jane@example.com");
        send(conversation, SampleEvents.visitorMessage(bot, conversation, visitor, "Where is my order?"));
        send(conversation, SampleEvents.assistantMessage(bot, conversation, visitor, "Which order do you mean?", null));
        send(conversation, SampleEvents.visitorMessage(bot, conversation, visitor, "Can I talk to a person?"));

        ConsumerRecord<String, String> escalation = kafka.awaitRecord(Topics.ESCALATIONS, r -> conversation.equals(r.key()), WAIT);
        JsonNode event = EventJson.mapper().readTree(escalation.value());
        assertThat(event.get("type").asText()).isEqualTo("escalation.created");
        assertThat(event.get("lastMessage").asText()).isEqualTo("Can I talk to a person?");
        assertThat(event.get("transcript")).hasSize(3);
        assertThat(event.get("transcript").get(0).get("text").asText()).isEqualTo("Where is my order?");
        assertThat(event.get("trigger").get("type").asText()).isEqualTo("human_request");
        assertThat(event.get("trigger").get("evidence").asText()).isNotBlank();
        assertThat(event.get("signals").get(0).get("type").asText()).isEqualTo("human_request");
        assertThat(event.get("visitor").get("email").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void offerAcceptContactIdentifyThenEscalateWithLocalizedTexts() throws Exception {
        String bot = "bot-" + UUID.randomUUID();
        VisitorTexts german = new VisitorTexts("Möchten Sie mit unserem Team sprechen?", "sie@beispiel.de",
                "Bitte hinterlassen Sie Ihre E-Mail-Adresse.", null, null, null, null, null);
        publish(bot, new ChatbotSettings("Mein Bot", true, HandoffLevel.BALANCED, true, true, null, null, null, null, null, null, null,
                Map.of("de", german)), "offer");
        String conversation = "c-" + UUID.randomUUID();
        ConversationRef de = new ConversationRef(ExternalId.of(conversation), "web", "de-AT");
        VisitorRef anonymous = SampleEvents.visitor(null);
        var message = SampleEvents.visitorMessage(bot, conversation, anonymous, "Ich möchte mit einem Menschen sprechen");
        send(conversation, new io.handoff.events.conversation.MessageCreated(null, message.eventId(), message.occurredAt(),
                chatbot(bot), de, anonymous, message.message(), null));

        ConsumerRecord<String, String> offer = kafka.awaitRecord(Topics.DIRECTIVES,
                r -> conversation.equals(r.key()) && r.value().contains("escalation.offered"), WAIT);
        assertThat(offer.value()).contains("Möchten Sie mit unserem Team sprechen?");

        send(conversation, new EscalationAccepted(null, UUID.randomUUID().toString(), Instant.now(), chatbot(bot), de, null));
        ConsumerRecord<String, String> contact = kafka.awaitRecord(Topics.DIRECTIVES,
                r -> conversation.equals(r.key()) && r.value().contains("contact.requested"), WAIT);
        assertThat(contact.value()).contains("Bitte hinterlassen Sie Ihre E-Mail-Adresse.").contains("sie@beispiel.de");

        send(conversation, new VisitorIdentified(null, UUID.randomUUID().toString(), Instant.now(), chatbot(bot), de,
                anonymous.withEmail("late@example.com")));
        ConsumerRecord<String, String> escalation = kafka.awaitRecord(Topics.ESCALATIONS, r -> conversation.equals(r.key()), WAIT);
        assertThat(escalation.value()).contains("late@example.com").contains("\"lastMessage\":\"Ich möchte mit einem Menschen sprechen\"");
    }

    @Test
    void declinedOfferAndLiveChatStopFurtherOffers() throws Exception {
        String bot = "bot-" + UUID.randomUUID();
        publish(bot, new ChatbotSettings("My Chatbot", true, HandoffLevel.QUICK, true, true, null, null, null, null, null, null, null, null), "offer");
        String declined = "c-" + UUID.randomUUID();
        VisitorRef visitor = SampleEvents.visitor(null);
        send(declined, SampleEvents.visitorMessage(bot, declined, visitor, "This is frustrating"));
        kafka.awaitRecord(Topics.DIRECTIVES, r -> declined.equals(r.key()) && r.value().contains("escalation.offered"), WAIT);
        send(declined, new EscalationDeclined(null, UUID.randomUUID().toString(), Instant.now(), chatbot(bot), conversation(declined)));
        send(declined, SampleEvents.visitorMessage(bot, declined, visitor, "this is useless"));

        String live = "c-" + UUID.randomUUID();
        kafka.send(Topics.DIRECTIVES, live, EventJson.mapper().writeValueAsString(new LivechatStarted(null,
                UUID.randomUUID().toString(), Instant.now(), chatbot(bot), conversation(live), "esc-1",
                new io.handoff.events.AgentRef("a-1", "Ana"), "Ana joined")));
        send(live, SampleEvents.visitorMessage(bot, live, visitor, "can I talk to a person?"));

        // a later conversation proves both were processed; neither may have produced another offer
        String marker = "c-" + UUID.randomUUID();
        send(marker, SampleEvents.visitorMessage(bot, marker, visitor, "human please"));
        kafka.awaitRecord(Topics.DIRECTIVES, r -> marker.equals(r.key()), WAIT);
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> {
            var all = kafka.readAll(Topics.DIRECTIVES, Duration.ofSeconds(1));
            assertThat(all).filteredOn(r -> declined.equals(r.key()) && r.value().contains("escalation.offered")).hasSize(1);
            assertThat(all).filteredOn(r -> live.equals(r.key()) && r.value().contains("escalation.offered")).isEmpty();
        });
    }

    @Test
    void noResolutionTimerFiresWithoutANewMessage() throws Exception {
        String bot = "bot-" + UUID.randomUUID();
        publish(bot, new ChatbotSettings("My Chatbot", true, HandoffLevel.BALANCED, false, false,
                new DetectionRules(null, null, null, 1, null, null), null, null, null, null, null, null, null), "escalate");
        String conversation = "c-" + UUID.randomUUID();
        var first = SampleEvents.visitorMessage(bot, conversation, SampleEvents.visitor(null), "what are your prices");
        send(conversation, new io.handoff.events.conversation.MessageCreated(null, first.eventId(),
                Instant.now().minusSeconds(120), first.chatbot(), first.conversation(), first.visitor(), first.message(), null));

        ConsumerRecord<String, String> escalation = kafka.awaitRecord(Topics.ESCALATIONS, r -> conversation.equals(r.key()), WAIT);
        assertThat(escalation.value()).contains("\"type\":\"no_resolution_time\"");
    }

    @Test
    void theTimerCheckPassesOverEveryConversationInSlices() throws Exception {
        String bot = "bot-" + UUID.randomUUID();
        publish(bot, new ChatbotSettings("My Chatbot", true, HandoffLevel.BALANCED, false, false,
                new DetectionRules(null, null, null, 1, null, null), null, null, null, null, null, null, null), "escalate");
        // several times the smallest slice on each partition, so a pass takes several punctuations
        List<Map.Entry<String, String>> messages = new java.util.ArrayList<>();
        java.util.Set<String> conversations = new java.util.HashSet<>();
        for (int i = 0; i < 600; i++) {
            String conversation = "slice-" + i + "-" + UUID.randomUUID();
            conversations.add(conversation);
            var message = SampleEvents.visitorMessage(bot, conversation, SampleEvents.visitor(null), "what are your prices");
            messages.add(Map.entry(conversation, EventJson.mapper().writeValueAsString(new io.handoff.events.conversation.MessageCreated(
                    null, message.eventId(), Instant.now().minusSeconds(120), message.chatbot(), message.conversation(),
                    message.visitor(), message.message(), null))));
        }
        kafka.sendTogether(Topics.CONVERSATION_EVENTS, messages);

        List<ConsumerRecord<String, String>> escalations = kafka.awaitRecords(Topics.ESCALATIONS,
                r -> conversations.contains(r.key()), conversations.size(), WAIT);
        assertThat(escalations).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(conversations);
        assertThat(escalations).allSatisfy(r -> assertThat(r.value()).contains("\"type\":\"no_resolution_time\""));
    }

    @Test
    void invalidEventsGoToTheDeadLetterTopicAndProcessingContinues() throws Exception {
        String bad = "bad-" + UUID.randomUUID();
        kafka.send(Topics.CONVERSATION_EVENTS, bad, "{\"type\":\"message.created\",\"eventId\":\"x\"}");
        String garbage = "garbage-" + UUID.randomUUID();
        kafka.send(Topics.CONVERSATION_EVENTS, garbage, "not json at all");
        String conversation = "c-" + UUID.randomUUID();
        send(conversation, SampleEvents.visitorMessage("chatbot-defaults", conversation,
                SampleEvents.visitor("jane@example.com"), "get me a real agent"));

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.CONVERSATION_EVENTS), r -> bad.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("conversation");
        assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).isEqualTo(Topics.CONVERSATION_EVENTS);
        ConsumerRecord<String, String> notJson = kafka.awaitRecord(Topics.dlq(Topics.CONVERSATION_EVENTS), r -> garbage.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(notJson, "dead-letter-reason")).contains("malformed JSON");
        assertThat(notJson.value()).isEqualTo("not json at all");

        kafka.awaitRecord(Topics.DIRECTIVES, r -> conversation.equals(r.key()) && r.value().contains("escalation.offered"), WAIT);
    }

    @Test
    void anOversizedEventAndOneThatIsNotUtf8GoToTheDeadLetterTopicAndTheirPartitionMovesOn() throws Exception {
        String conversation = "c-" + UUID.randomUUID();
        VisitorRef visitor = SampleEvents.visitor("jane@example.com");
        // escalating this one would need a record of 2 MB; the stream task would fail on it forever
        send(conversation, SampleEvents.visitorMessage("chatbot-defaults", conversation, visitor,
                "Can I talk to a person? " + "a".repeat(1_000_000)));
        String latin1 = EventJson.mapper().writeValueAsString(SampleEvents.visitorMessage("chatbot-defaults", conversation,
                visitor, "Puis-je parler à quelqu'un ?"));
        kafka.sendBytes(Topics.CONVERSATION_EVENTS, conversation, latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        send(conversation, SampleEvents.visitorMessage("chatbot-defaults", conversation, visitor, "get me a real agent"));

        var dead = kafka.awaitRecords(Topics.dlq(Topics.CONVERSATION_EVENTS), r -> conversation.equals(r.key()), 2, WAIT);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).contains("bytes, more than the 32768 bytes");
        assertThat(dead.get(0).value()).hasSizeGreaterThan(1_000_000);
        assertThat(KafkaTestClient.header(dead.get(1), "dead-letter-reason")).contains("not valid UTF-8");
        // the message behind them, on the same partition, is handled: only it was seen, so an offer comes
        ConsumerRecord<String, String> offer = kafka.awaitRecord(Topics.DIRECTIVES,
                r -> conversation.equals(r.key()) && r.value().contains("escalation.offered"), WAIT);
        assertThat(offer.value()).doesNotContain("aaaa");
    }

    @Test
    void readinessReportsTheStreamAndKafka() {
        await().atMost(WAIT).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
