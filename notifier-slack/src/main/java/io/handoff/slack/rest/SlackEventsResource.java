package io.handoff.slack.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.events.agent.AgentReply;
import io.handoff.slack.messaging.AgentCommandPublisher;
import io.handoff.slack.service.AgentReplies;
import io.handoff.slack.service.SlackRequestVerifier;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * The Events API request URL. Every request must carry Slack's signature over the raw body, made
 * within the last five minutes; anything else is refused with 401 before it is read. A thread reply
 * is acknowledged only after its {@code agent.reply} is on Kafka, so when Kafka is down Slack sees
 * an error and sends the event again.
 */
@Path("/slack/events")
public class SlackEventsResource {

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackRequestVerifier verifier;
    private final AgentReplies replies;
    private final AgentCommandPublisher commands;

    public SlackEventsResource(SlackRequestVerifier verifier, AgentReplies replies, AgentCommandPublisher commands) {
        this.verifier = verifier;
        this.replies = replies;
        this.commands = commands;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack Events API", description = "Signed by Slack; answers url_verification and "
            + "turns replies in escalation threads into agent.reply commands.")
    public Response receive(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                            @HeaderParam("X-Slack-Signature") String signature, String body) {
        Optional<String> refusal = verifier.refusal(timestamp, body == null ? "" : body, signature);
        if (refusal.isPresent()) {
            LOG.warnf("refused a Slack events request: %s", refusal.get());
            return Problem.response(401, "Unauthorized", refusal.get() + ".");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Problem.response(400, "Unreadable request body", "The body is not JSON.");
        }
        if (payload == null || !payload.isObject()) {
            return Problem.response(400, "Unreadable request body", "The body is not a JSON object.");
        }
        switch (payload.path("type").asText()) {
            case "url_verification":
                return Response.ok(Map.of("challenge", payload.path("challenge").asText())).build();
            case "event_callback":
                Optional<AgentReply> reply = replies.fromEvent(payload.path("team_id").asText(), payload.path("event"));
                if (reply.isPresent()) {
                    try {
                        commands.publish(reply.get());
                    } catch (RuntimeException e) {
                        LOG.errorf("a Slack reply could not be handed to the gateway; Slack will send it again: %s",
                                e.getMessage());
                        return Problem.response(503, "Service unavailable", "The reply could not be stored; "
                                + "send it again.");
                    }
                }
                return Response.ok().build();
            default:
                return Response.ok().build();
        }
    }
}
