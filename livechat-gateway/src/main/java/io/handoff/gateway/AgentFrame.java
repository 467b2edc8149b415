package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;

import java.util.List;

/**
 * What the gateway sends to agents over the WebSocket (protocol {@value #PROTOCOL}, see
 * {@code docs/websocket.md}). Every frame is one JSON text message whose {@code type} comes first.
 */
public sealed interface AgentFrame {

    /** The protocol version announced in {@code hello}; bumped only for changes that break clients. */
    int PROTOCOL = 1;

    String type();

    static Hello hello() {
        return new Hello("hello", PROTOCOL);
    }

    static Queue queue(List<JsonNode> escalations) {
        return new Queue("queue", List.copyOf(escalations));
    }

    static NewEscalation escalationCreated(JsonNode escalation) {
        return new NewEscalation("escalation.created", escalation);
    }

    static Problem error(String error, String detail) {
        return new Problem("error", error, detail);
    }

    /** The frame as the JSON text that goes on the wire. */
    default String toJson() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agent frame could not be written as JSON", e);
        }
    }

    /** First frame on every connection. */
    record Hello(String type, int protocol) implements AgentFrame {
    }

    /** The escalations still waiting for an agent when the connection opened, oldest first. */
    record Queue(String type, List<JsonNode> escalations) implements AgentFrame {
    }

    /** An escalation that arrived while the agent is connected. */
    record NewEscalation(String type, JsonNode escalation) implements AgentFrame {
    }

    /** The gateway could not act on something; {@code detail} is for people, never a stack trace. */
    record Problem(String type, String error, String detail) implements AgentFrame {
    }
}
