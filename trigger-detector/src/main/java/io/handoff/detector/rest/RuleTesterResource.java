package io.handoff.detector.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.detector.flow.DetectionEngine;
import io.handoff.detector.flow.Step;
import io.handoff.detector.policy.Action;
import io.handoff.detector.stream.ConversationState;
import io.handoff.detector.stream.DetectorConfig;
import io.handoff.detector.stream.DetectorStreams;
import io.handoff.events.AiAssessment;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.escalation.Signal;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule tester: replays a conversation through the same {@link DetectionEngine} the stream uses,
 * with the chatbot's current settings, and says what the detector would do after the last message.
 * Nothing is stored or sent.
 */
@Path("/api/v1/triggers/evaluate")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RuleTesterResource {

    /** The answer: the last message's signals and the action. */
    public record Evaluation(List<Signal> signals, Action action, Signal trigger) {
    }

    private final DetectorStreams streams;
    private final DetectionEngine engine;

    public RuleTesterResource(DetectorStreams streams, DetectorConfig config) {
        this.streams = streams;
        this.engine = new DetectionEngine(config.windowSize());
    }

    @POST
    public Response evaluate(String body) {
        JsonNode request;
        try {
            request = EventJson.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return problem("$", "the body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            return problem("$", "send a JSON object with a messages array");
        }
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return problem("messages", "at least one message is required");
        }
        String chatbotId = request.path("chatbotId").asText("rule-tester");
        ChatbotSettings settings = request.hasNonNull("chatbotId") ? streams.settingsOf(chatbotId) : ChatbotSettings.defaults();
        ConversationState state = ConversationState.start(new ChatbotRef(ExternalId.of(chatbotId), null),
                new ConversationRef(ExternalId.of("rule-tester"), "test", request.path("locale").asText(null)), Instant.now());
        Step step = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!role.equals("visitor") && !role.equals("assistant")) {
                return problem("messages[" + i + "].role", "must be \"visitor\" or \"assistant\"");
            }
            if (!message.path("text").isTextual()) {
                return problem("messages[" + i + "].text", "a text is required");
            }
            AiAssessment ai = null;
            JsonNode aiNode = message.get("ai");
            if (aiNode != null && aiNode.isObject()) {
                JsonNode confidence = aiNode.get("confidence");
                if (confidence != null && !confidence.isNull() && !confidence.isNumber()) {
                    return problem("messages[" + i + "].ai.confidence", "must be a number between 0 and 1");
                }
                ai = new AiAssessment(confidence == null || confidence.isNull() ? null : confidence.asDouble(),
                        aiNode.path("handoffSuggested").asBoolean(false));
            }
            MessageRole messageRole = role.equals("visitor") ? MessageRole.VISITOR : MessageRole.ASSISTANT;
            step = engine.onMessage(state, messageRole, message.get("text").asText(), ai, Instant.now(), settings,
                    "rule-tester-" + i);
            state = step.state();
        }
        return Response.ok(new Evaluation(step.signals(), step.action(), step.trigger())).build();
    }

    private static Response problem(String field, String message) {
        return Response.status(400).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Invalid request", "status", 400,
                        "detail", field + ": " + message,
                        "errors", List.of(Map.of("field", field, "message", message))))
                .build();
    }
}
