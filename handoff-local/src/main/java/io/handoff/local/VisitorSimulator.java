package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.handoff.events.AiAssessment;
import io.handoff.events.ChatMessage;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.Topics;
import io.handoff.events.VisitorRef;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.EscalationAccepted;
import io.handoff.events.conversation.EscalationDeclined;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.conversation.VisitorIdentified;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the upstream chat service for the local stack: a chat widget at {@code /simulator/} where a
 * person types as the visitor. Their messages become {@code message.created} events of the demo
 * chatbot, a canned AI answers them (unless live chat is on, or the AI was told to wait), and the
 * directives Handoff sends back are shown in the widget with the controls the contract asks for
 * (yes/no for an offer, an email field for a contact request).
 *
 * <p>The page polls {@code GET /api/simulator/conversations/{id}?after=N}, served from memory that
 * {@link DirectiveFeed} fills from {@code handoff.directives}.
 */
final class VisitorSimulator implements AutoCloseable {

    private static final Pattern CONVERSATION = Pattern.compile("^/api/simulator/conversations/([A-Za-z0-9_-]{1,64})(/[a-z]+)?$");
    private static final Map<String, String> RESOURCES = Map.of(
            "/simulator/", "index.html",
            "/simulator/simulator.js", "simulator.js",
            "/simulator/simulator.css", "simulator.css");
    private static final int MAX_TEXT = 4000;

    private final KafkaTestClient kafka;
    private final ChatbotRef chatbot;
    private final String consoleUrl;
    private final SimulatedConversations conversations = new SimulatedConversations();
    private final CannedAssistant assistant = new CannedAssistant();
    private final DirectiveFeed feed;

    /**
     * @param consoleUrl the agent console's address, for the widget's "open in the agent console" link
     */
    VisitorSimulator(String bootstrapServers, KafkaTestClient kafka, ChatbotRef chatbot, String consoleUrl) {
        this.kafka = kafka;
        this.chatbot = chatbot;
        this.consoleUrl = consoleUrl;
        this.feed = DirectiveFeed.start(bootstrapServers, Topics.DIRECTIVES, conversations);
    }

    /** Serves the widget and its API from {@code server}, beside whatever else it serves. */
    void register(HttpServer server) {
        server.createContext("/simulator", this::handle);
        server.createContext("/api/simulator/", this::handle);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                route(exchange, method, path);
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, "Bad request", e.getMessage());
            } catch (IOException | UncheckedIOException e) {
                problem(exchange, 400, "Bad request", "the body is not the JSON object expected");
            } catch (RuntimeException e) {
                problem(exchange, 500, "Failed", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        if (method.equals("GET") && path.equals("/simulator")) {
            exchange.getResponseHeaders().set("Location", "/simulator/");
            respond(exchange, 303, "text/plain", "");
            return;
        }
        if (method.equals("GET") && RESOURCES.containsKey(path)) {
            String name = RESOURCES.get(path);
            respond(exchange, 200, contentType(name), resource(name));
            return;
        }
        if (method.equals("GET") && path.equals("/api/simulator/config")) {
            ObjectNode config = EventJson.mapper().createObjectNode();
            config.put("chatbotId", chatbot.id().value());
            config.put("chatbotName", chatbot.name());
            config.put("consoleUrl", consoleUrl);
            json(exchange, 200, config);
            return;
        }
        Matcher matcher = CONVERSATION.matcher(path);
        if (!matcher.matches()) {
            problem(exchange, 404, "Not found", "no simulator page or API at " + path);
            return;
        }
        String conversationId = matcher.group(1);
        String action = matcher.group(2) == null ? "" : matcher.group(2);
        switch (method + " " + action) {
            case "GET " -> json(exchange, 200, snapshot(conversationId, after(exchange)));
            case "POST /messages" -> json(exchange, 202, visitorWrites(conversationId, body(exchange)));
            case "POST /answer" -> json(exchange, 202, visitorAnswers(conversationId, body(exchange)));
            case "POST /contact" -> json(exchange, 202, visitorLeavesEmail(conversationId, body(exchange)));
            default -> problem(exchange, 405, "Method not allowed", method + " " + path + " is not supported");
        }
    }

    /** The visitor's message, then the AI's answer to it when the AI may answer. */
    private ObjectNode visitorWrites(String conversationId, JsonNode request) {
        String text = request.path("text").asText("").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be at most " + MAX_TEXT + " characters");
        }
        VisitorRef visitor = visitor(conversationId, request);
        MessageCreated written = message(conversationId, visitor, MessageRole.VISITOR, text, null);
        produce(conversationId, written);
        SimulatedConversations.Entry visitorEntry = conversations.addMessage(conversationId, "visitor", messageBody(written));

        ObjectNode answer = EventJson.mapper().createObjectNode();
        answer.set("visitor", entry(visitorEntry));
        // Contract: no assistant messages while live chat is on, nor while the AI was told to wait.
        if (conversations.aiMayAnswer(conversationId)) {
            CannedAssistant.Answer reply = assistant.answer(text);
            MessageCreated said = message(conversationId, visitor, MessageRole.ASSISTANT, reply.text(),
                    new AiAssessment(reply.confidence(), reply.handoffSuggested()));
            produce(conversationId, said);
            answer.set("assistant", entry(conversations.addMessage(conversationId, "assistant", messageBody(said))));
        } else {
            answer.putNull("assistant");
        }
        return answer;
    }

    /** Yes or no to {@code escalation.offered}; a yes may carry the email the visitor typed. */
    private ObjectNode visitorAnswers(String conversationId, JsonNode request) {
        JsonNode accepted = request.get("accepted");
        if (accepted == null || !accepted.isBoolean()) {
            throw new IllegalArgumentException("accepted must be true or false");
        }
        ConversationEvent event = accepted.asBoolean()
                ? new EscalationAccepted(null, UUID.randomUUID().toString(), Instant.now(), chatbot,
                        conversation(conversationId), visitor(conversationId, request))
                : new EscalationDeclined(null, UUID.randomUUID().toString(), Instant.now(), chatbot,
                        conversation(conversationId));
        produce(conversationId, event);
        return sent(event);
    }

    /** The email asked for by {@code contact.requested}. */
    private ObjectNode visitorLeavesEmail(String conversationId, JsonNode request) {
        String email = request.path("email").asText("").strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("email must be an email address");
        }
        VisitorIdentified event = new VisitorIdentified(null, UUID.randomUUID().toString(), Instant.now(), chatbot,
                conversation(conversationId), visitor(conversationId, request));
        produce(conversationId, event);
        return sent(event);
    }

    private ObjectNode snapshot(String conversationId, long after) {
        SimulatedConversations.Snapshot snapshot = conversations.since(conversationId, after);
        ObjectNode answer = EventJson.mapper().createObjectNode();
        answer.put("conversationId", conversationId);
        answer.put("mode", snapshot.mode().name());
        answer.put("agentName", snapshot.agentName());
        answer.put("last", snapshot.last());
        ArrayNode entries = answer.putArray("entries");
        snapshot.entries().forEach(e -> entries.add(entry(e)));
        return answer;
    }

    private MessageCreated message(String conversationId, VisitorRef visitor, MessageRole role, String text, AiAssessment ai) {
        return new MessageCreated(null, UUID.randomUUID().toString(), Instant.now(), chatbot, conversation(conversationId),
                visitor, new ChatMessage("m-" + UUID.randomUUID(), role, text), ai);
    }

    private static ConversationRef conversation(String conversationId) {
        return new ConversationRef(ExternalId.of(conversationId), "web", "en");
    }

    private static VisitorRef visitor(String conversationId, JsonNode request) {
        String email = request.path("email").asText("").strip();
        String firstName = request.path("firstName").asText("").strip();
        return new VisitorRef(ExternalId.of("visitor-" + conversationId), email.isEmpty() ? null : email,
                firstName.isEmpty() ? "Jane" : firstName, request.path("lastName").asText("Doe"), null);
    }

    private void produce(String conversationId, ConversationEvent event) {
        try {
            kafka.send(Topics.CONVERSATION_EVENTS, conversationId, EventJson.mapper().writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode messageBody(MessageCreated message) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("eventId", message.eventId());
        body.put("messageId", message.message().id());
        body.put("role", message.message().role() == MessageRole.VISITOR ? "visitor" : "assistant");
        body.put("text", message.message().text());
        body.put("at", message.occurredAt().toString());
        if (message.ai() != null) {
            body.set("ai", EventJson.mapper().valueToTree(message.ai()));
        }
        return body;
    }

    private static ObjectNode entry(SimulatedConversations.Entry entry) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("n", entry.n());
        node.put("kind", entry.kind());
        node.set("body", entry.body());
        return node;
    }

    private static ObjectNode sent(ConversationEvent event) {
        ObjectNode answer = EventJson.mapper().createObjectNode();
        answer.put("type", event.type());
        answer.put("eventId", event.eventId());
        answer.put("topic", Topics.CONVERSATION_EVENTS);
        return answer;
    }

    private static long after(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return 0;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("after=")) {
                try {
                    return Long.parseLong(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("after must be a whole number");
                }
            }
        }
        return 0;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        JsonNode body = EventJson.mapper().readTree(exchange.getRequestBody());
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return body;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = VisitorSimulator.class.getResourceAsStream("/simulator/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the simulator's " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        respond(exchange, status, "application/json", EventJson.mapper().writeValueAsString(body));
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode problem = EventJson.mapper().createObjectNode();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        respond(exchange, status, "application/problem+json", EventJson.mapper().writeValueAsString(problem));
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        feed.close();
    }
}
