package io.handoff.detector.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.detector.flow.DetectionEngine;
import io.handoff.detector.flow.Step;
import io.handoff.detector.policy.Action;
import io.handoff.detector.stream.ConversationState;
import io.handoff.detector.stream.DetectorConfig;
import io.handoff.detector.stream.DetectorStreams;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.access.RoleGroups;
import io.handoff.events.access.TokenRoles;
import io.handoff.events.escalation.Signal;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.List;

/**
 * The rule tester: replays a conversation through the same {@link DetectionEngine} the stream uses,
 * with the chatbot's current settings, and says what the detector would do after the last message.
 * Nothing is stored or sent. A chatbot's own rules (restricted topics, keywords) are its owner's, so only
 * its administrators may apply them; without {@code chatbotId} the default rules are used.
 */
@Path("/api/v1/triggers/evaluate")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RuleTesterResource {

    private static final String DEFAULTS_ID = "rule-tester";

    /** The answer: the last message's signals and the action. */
    public record Evaluation(List<Signal> signals, Action action, Signal trigger) {
    }

    private final DetectorStreams streams;
    private final DetectionEngine engine;
    private final JsonWebToken token;
    private final DetectorConfig.Auth auth;

    public RuleTesterResource(DetectorStreams streams, DetectorConfig config, JsonWebToken token) {
        this.streams = streams;
        this.engine = new DetectionEngine(config.windowSize());
        this.token = token;
        this.auth = config.auth();
    }

    @POST
    public Response evaluate(String body) {
        RuleTestRequest request;
        try {
            request = RuleTestRequest.read(EventJson.mapper().readTree(body == null ? "" : body));
        } catch (JsonProcessingException e) {
            return Problems.invalid("$", "the body is not valid JSON");
        } catch (RuleTestRequest.InvalidRequest e) {
            return Problems.invalid(e.refusal().field(), e.refusal().message());
        }
        ChatbotSettings settings = request.chatbotId().map(this::settingsOfAdministered).orElse(ChatbotSettings.defaults());
        ConversationState state = ConversationState.start(
                new ChatbotRef(ExternalId.of(request.chatbotId().orElse(DEFAULTS_ID)), null),
                new ConversationRef(ExternalId.of(DEFAULTS_ID), "test", request.locale()), Instant.now());
        Step step = null;
        for (int i = 0; i < request.messages().size(); i++) {
            RuleTestRequest.Message message = request.messages().get(i);
            step = engine.onMessage(state, message.role(), message.text(), message.ai(), Instant.now(), settings,
                    DEFAULTS_ID + "-" + i);
            state = step.state();
        }
        return Response.ok(new Evaluation(step.signals(), step.action(), step.trigger())).build();
    }

    private ChatbotSettings settingsOfAdministered(String chatbotId) {
        TokenRoles roles = TokenRoles.of(token.getGroups(), token.getClaim(auth.chatbotsClaim()),
                new RoleGroups(auth.adminGroup(), auth.chatbotAdminGroup(), auth.agentGroup()));
        if (!roles.administers(chatbotId)) {
            throw new ForbiddenException("this token does not administer chatbot " + chatbotId
                    + "; leave chatbotId out to test the default rules");
        }
        return streams.settingsOf(chatbotId);
    }
}
