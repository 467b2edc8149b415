package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ExternalId;
import io.handoff.events.Topics;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.EscalationAccepted;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.conversation.VisitorIdentified;
import io.handoff.events.json.EventCatalog;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaBroker;
import io.handoff.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The visitor simulator's API against a real broker: what it produces on
 * {@code chat.conversation-events}, and how it serves the directives it reads back.
 */
class VisitorSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final EventDecoder DECODER = new EventDecoder();

    static KafkaTestClient kafka;
    static HttpServer server;
    static VisitorSimulator simulator;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        kafka = new KafkaTestClient(bootstrap);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        simulator = new VisitorSimulator(bootstrap, kafka, new ChatbotRef(ExternalId.of("demo-bot"), "Demo Chatbot"),
                "http://localhost:8086/console/");
        simulator.register(server);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        simulator.close();
        kafka.close();
    }

    @Test
    void aVisitorMessageBecomesMessageCreatedAndTheAiAnswersWithItsAssessment() throws Exception {
        String conversation = newConversation();

        JsonNode sent = post(conversation, "messages", "{\"text\": \"Do you sell spaceships?\", \"firstName\": \"Ada\"}", 202);

        assertThat(sent.path("visitor").path("body").path("text").asText()).isEqualTo("Do you sell spaceships?");
        assertThat(sent.path("assistant").path("body").path("ai").path("confidence").asDouble()).isLessThan(0.5);
        List<ConversationEvent> events = conversationEvents(conversation, 2);
        MessageCreated visitor = (MessageCreated) events.get(0);
        assertThat(visitor.message().role().name()).isEqualTo("VISITOR");
        assertThat(visitor.message().text()).isEqualTo("Do you sell spaceships?");
        assertThat(visitor.chatbot().id().value()).isEqualTo("demo-bot");
        assertThat(visitor.conversation().key()).isEqualTo(conversation);
        assertThat(visitor.visitor().firstName()).isEqualTo("Ada");
        MessageCreated assistant = (MessageCreated) events.get(1);
        assertThat(assistant.message().role().name()).isEqualTo("ASSISTANT");
        assertThat(assistant.message().text()).isEqualTo(CannedAssistant.UNSURE.text());
        assertThat(assistant.ai().confidence()).isEqualTo(CannedAssistant.UNSURE.confidence());
        assertThat(assistant.ai().handoffSuggested()).isFalse();

        JsonNode timeline = get(conversation, 0);
        assertThat(timeline.path("entries")).extracting(e -> e.path("kind").asText())
                .containsExactly("visitor", "assistant");
        assertThat(timeline.path("mode").asText()).isEqualTo("AI");
    }

    @Test
    void directivesOfTheConversationAreServedInOrderOnceEachAfterTheEntryAsked() throws Exception {
        String conversation = newConversation();
        String other = newConversation();
        String offered = directive("escalation.offered", conversation,
                "\"text\": \"I can connect you with a member of our team. Would you like me to do that?\"");
        kafka.send(Topics.DIRECTIVES, conversation, offered);
        kafka.send(Topics.DIRECTIVES, conversation, offered);
        kafka.send(Topics.DIRECTIVES, other, directive("problem.requested", other, "\"text\": \"Not for you\""));
        kafka.send(Topics.DIRECTIVES, conversation, directive("contact.requested", conversation,
                "\"text\": \"Please leave your email address.\", \"emailPlaceholder\": \"you@example.com\""));

        await().atMost(WAIT).until(() -> get(conversation, 0).path("entries").size() >= 2);
        JsonNode all = get(conversation, 0);
        assertThat(all.path("entries")).extracting(e -> e.path("body").path("type").asText())
                .containsExactly("escalation.offered", "contact.requested");
        assertThat(all.path("entries")).extracting(e -> e.path("n").asLong()).containsExactly(1L, 2L);
        assertThat(all.path("last").asLong()).isEqualTo(2);
        assertThat(all.path("entries").get(1).path("body").path("emailPlaceholder").asText()).isEqualTo("you@example.com");
        JsonNode after = get(conversation, 1);
        assertThat(after.path("entries")).extracting(e -> e.path("body").path("type").asText())
                .containsExactly("contact.requested");
        assertThat(get(conversation, 2).path("entries")).isEmpty();
    }

    @Test
    void theAiIsSilentFromLivechatStartedUntilLivechatEnded() throws Exception {
        String conversation = newConversation();
        post(conversation, "messages", "{\"text\": \"What are your opening hours?\"}", 202);
        kafka.send(Topics.DIRECTIVES, conversation, directive("livechat.started", conversation,
                "\"agent\": {\"id\": \"agent-7\", \"name\": \"Sam\"}, \"text\": \"Sam from our team has joined the conversation.\""));
        await().atMost(WAIT).until(() -> "LIVE".equals(get(conversation, 0).path("mode").asText()));
        assertThat(get(conversation, 0).path("agentName").asText()).isEqualTo("Sam");

        JsonNode duringLiveChat = post(conversation, "messages", "{\"text\": \"Hello? What are your opening hours?\"}", 202);
        assertThat(duringLiveChat.path("assistant").isNull()).isTrue();

        kafka.send(Topics.DIRECTIVES, conversation, directive("livechat.ended", conversation,
                "\"text\": \"Live chat has ended. I'm here again if you need anything else.\""));
        await().atMost(WAIT).until(() -> "AI".equals(get(conversation, 0).path("mode").asText()));
        JsonNode afterwards = post(conversation, "messages", "{\"text\": \"How long does shipping take?\"}", 202);
        assertThat(afterwards.path("assistant").path("body").path("text").asText()).contains("ship");

        List<ConversationEvent> events = conversationEvents(conversation, 5);
        assertThat(events).extracting(e -> ((MessageCreated) e).message().role().name())
                .containsExactly("VISITOR", "ASSISTANT", "VISITOR", "VISITOR", "ASSISTANT");
    }

    @Test
    void aConfirmationThatTheAiWaitsSilencesItToo() throws Exception {
        String conversation = newConversation();
        kafka.send(Topics.DIRECTIVES, conversation, directive("escalation.confirmed", conversation,
                "\"escalationId\": \"esc-1\", \"text\": \"I've notified our team.\", \"aiKeepsAnswering\": false"));
        await().atMost(WAIT).until(() -> "WAITING".equals(get(conversation, 0).path("mode").asText()));

        assertThat(post(conversation, "messages", "{\"text\": \"Are you there?\"}", 202).path("assistant").isNull()).isTrue();
    }

    @Test
    void theVisitorsAnswersBecomeTheirConversationEvents() throws Exception {
        String conversation = newConversation();

        post(conversation, "answer", "{\"accepted\": true, \"email\": \"ada@example.com\", \"firstName\": \"Ada\"}", 202);
        post(conversation, "answer", "{\"accepted\": false}", 202);
        post(conversation, "contact", "{\"email\": \"ada@example.com\"}", 202);

        List<ConversationEvent> events = conversationEvents(conversation, 3);
        assertThat(events.get(0)).isInstanceOf(EscalationAccepted.class);
        assertThat(((EscalationAccepted) events.get(0)).visitor().email()).isEqualTo("ada@example.com");
        assertThat(events.get(1)).isInstanceOf(EscalationDeclined.class);
        assertThat(events.get(2)).isInstanceOf(VisitorIdentified.class);
        assertThat(((VisitorIdentified) events.get(2)).visitor().email()).isEqualTo("ada@example.com");
    }

    @Test
    void badRequestsAreRefusedWithAProblem() throws Exception {
        String conversation = newConversation();
        assertThat(post(conversation, "messages", "{\"text\": \"  \"}", 400).path("detail").asText()).contains("text");
        assertThat(post(conversation, "answer", "{\"accepted\": \"maybe\"}", 400).path("detail").asText()).contains("accepted");
        assertThat(post(conversation, "contact", "{\"email\": \"not an address\"}", 400).path("detail").asText()).contains("email");
        assertThat(post(conversation, "messages", "not json", 400).path("status").asInt()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/simulator/conversations/" + conversation + "?after=x")).GET(), 400)
                .path("detail").asText()).contains("after");
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/simulator/conversations/a%20b")).GET(), 404)
                .path("status").asInt()).isEqualTo(404);
    }

    @Test
    void theWidgetAndItsConfigurationAreServed() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/simulator/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Visitor simulator").contains("simulator.js");
        HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/simulator/simulator.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/api/simulator/conversations/");
        JsonNode config = send(HttpRequest.newBuilder(URI.create(base + "/api/simulator/config")).GET(), 200);
        assertThat(config.path("chatbotId").asText()).isEqualTo("demo-bot");
        assertThat(config.path("consoleUrl").asText()).isEqualTo("http://localhost:8086/console/");
    }

    private static String newConversation() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L));
    }

    private static String directive(String type, String conversation, String fields) {
        return """
                {"type": "%s", "eventId": "%s", "occurredAt": "2026-02-09T12:00:01Z",
                 "chatbot": {"id": "demo-bot", "name": "Demo Chatbot"},
                 "conversation": {"id": "%s", "channel": "web", "locale": "en"}, %s}
                """.formatted(type, UUID.randomUUID(), conversation, fields);
    }

    /** The conversation's events on the topic, each checked against its schema as Handoff's consumers do. */
    private static List<ConversationEvent> conversationEvents(String conversation, int count) {
        List<ConsumerRecord<String, String>> records = kafka.awaitRecords(Topics.CONVERSATION_EVENTS,
                r -> conversation.equals(r.key()), count, WAIT);
        return records.stream().map(r -> {
            try {
                return DECODER.decode(r.value(), EventCatalog.CONVERSATION_EVENTS);
            } catch (Exception e) {
                throw new AssertionError("the simulator produced an invalid event: " + r.value(), e);
            }
        }).toList();
    }

    private static JsonNode get(String conversation, long after) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/simulator/conversations/" + conversation + "?after=" + after))
                .GET(), 200);
    }

    private static JsonNode post(String conversation, String action, String body, int status) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/simulator/conversations/" + conversation + "/" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), status);
    }

    private static JsonNode send(HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return EventJson.mapper().readTree(response.body());
    }
}
