package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.events.AgentRef;
import io.handoff.events.json.EventJson;

import java.util.List;

/**
 * The frames the gateway builds itself (protocol {@value #PROTOCOL}, see {@code docs/websocket.md});
 * conversation events and messages come from the {@link AgentEvents} log. Every frame is one JSON text
 * message whose {@code type} comes first.
 */
final class AgentFrame {

    /** The protocol version announced in {@code hello}; bumped only for changes that break clients. */
    static final int PROTOCOL = 2;

    private AgentFrame() {
    }

    static ObjectNode of(String type) {
        return EventJson.mapper().createObjectNode().put("type", type);
    }

    /** @param missedTruncated more events were missed than follow; only the newest come */
    static ObjectNode hello(Agent agent, long seq, boolean missedTruncated) {
        ObjectNode hello = of("hello").put("protocol", PROTOCOL);
        hello.putObject("agent").put("id", agent.id()).put("name", agent.name());
        ArrayNode chatbots = hello.putArray("chatbots");
        agent.scope().chatbots().stream().sorted().forEach(chatbots::add);
        hello.put("allChatbots", agent.scope().all());
        hello.put("seq", seq);
        if (agent.tokenExpiresAt() != null) {
            hello.put("tokenExpiresAt", agent.tokenExpiresAt().toString());
        }
        if (missedTruncated) {
            hello.put("missedTruncated", true);
        }
        return hello;
    }

    static ObjectNode inbox(long seq, List<Session> sessions) {
        ObjectNode inbox = of("inbox").put("seq", seq);
        ArrayNode conversations = inbox.putArray("conversations");
        sessions.forEach(s -> conversations.add(s.summary()));
        return inbox;
    }

    static ObjectNode transcript(String ref, Session session, List<LiveChatSessions.Line> lines) {
        ObjectNode transcript = of("transcript");
        putRef(transcript, ref);
        transcript.set("summary", session.summary());
        ArrayNode messages = transcript.putArray("messages");
        lines.forEach(line -> messages.add(line.toJson()));
        return transcript;
    }

    static ObjectNode ack(String ref, String action, String conversationId) {
        ObjectNode ack = of("ack");
        putRef(ack, ref);
        return ack.put("action", action).put("conversationId", conversationId);
    }

    static ObjectNode typing(String chatbotId, String conversationId, AgentRef agent, boolean typing) {
        ObjectNode frame = of("typing").put("conversationId", conversationId).put("chatbotId", chatbotId);
        frame.putObject("agent").put("id", agent.id()).put("name", agent.name());
        return frame.put("typing", typing);
    }

    static ObjectNode error(String error, String detail) {
        return of("error").put("error", error).put("detail", detail);
    }

    static ObjectNode error(String ref, String conversationId, String error, String detail) {
        ObjectNode frame = of("error");
        putRef(frame, ref);
        frame.put("error", error);
        if (conversationId != null) {
            frame.put("conversationId", conversationId);
        }
        return frame.put("detail", detail);
    }

    static String toJson(ObjectNode frame) {
        try {
            return EventJson.mapper().writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agent frame could not be written as JSON", e);
        }
    }

    private static void putRef(ObjectNode frame, String ref) {
        if (ref != null) {
            frame.put("ref", ref);
        }
    }
}
