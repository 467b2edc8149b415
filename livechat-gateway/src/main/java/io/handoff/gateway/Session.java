package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.events.AgentRef;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.json.EventJson;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** One row of {@code live_chat_session}: a conversation as the gateway knows it. */
public record Session(String conversationId, String chatbotId, String state, Instant since, Instant openedAt,
                      String agentId, String agentName, boolean announced, String lastMessage,
                      JsonNode chatbot, JsonNode conversation, String escalationId, JsonNode escalation) {

    public static final String WAITING = "WAITING";
    public static final String LIVE = "LIVE";
    public static final String BOT = "BOT";
    public static final String CLOSED = "CLOSED";

    /** The columns {@link #read} expects, in a SELECT or RETURNING list. */
    static final String COLUMNS = "conversation_id, chatbot_id, state, state_since, opened_at, agent_id, agent_name,"
            + " started_announced, last_message, chatbot::text, conversation::text, escalation_id, escalation::text";

    static Session read(ResultSet row) throws SQLException {
        Timestamp opened = row.getTimestamp("opened_at");
        return new Session(row.getString("conversation_id"), row.getString("chatbot_id"), row.getString("state"),
                row.getTimestamp("state_since").toInstant(), opened == null ? null : opened.toInstant(),
                row.getString("agent_id"), row.getString("agent_name"), row.getBoolean("started_announced"),
                row.getString("last_message"), json(row.getString("chatbot")), json(row.getString("conversation")),
                row.getString("escalation_id"), json(row.getString("escalation")));
    }

    public boolean ownedBy(String agent) {
        return LIVE.equals(state) && agent.equals(agentId);
    }

    public ChatbotRef chatbotRef() {
        return convert(chatbot, ChatbotRef.class);
    }

    public ConversationRef conversationRef() {
        return convert(conversation, ConversationRef.class);
    }

    public AgentRef owner() {
        return agentId == null ? null : new AgentRef(agentId, agentName);
    }

    /** The conversation as agents see it (the {@code summary} of {@code docs/websocket.md}). */
    public ObjectNode summary() {
        ObjectNode summary = EventJson.mapper().createObjectNode();
        summary.put("conversationId", conversationId);
        summary.set("chatbot", chatbot);
        summary.set("conversation", conversation);
        summary.put("state", state);
        summary.put("since", since.toString());
        if (agentId == null || !LIVE.equals(state)) {
            summary.putNull("agent");
        } else {
            summary.putObject("agent").put("id", agentId).put("name", agentName);
        }
        summary.put("lastMessage", lastMessage);
        summary.set("escalation", escalation);
        return summary;
    }

    /** A conversation event frame ({@code escalation.created}, {@code conversation.claimed}...) about this session. */
    ObjectNode event(String type) {
        ObjectNode frame = EventJson.mapper().createObjectNode();
        frame.put("type", type);
        frame.put("conversationId", conversationId);
        frame.set("summary", summary());
        return frame;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored live-chat session is not JSON", e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return EventJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
