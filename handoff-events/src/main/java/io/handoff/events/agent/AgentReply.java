package io.handoff.events.agent;

import io.handoff.events.AgentRef;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.Event;

import java.time.Instant;

/**
 * An agent answered the visitor from outside the agent console (a Slack thread reply), on
 * {@code handoff.agent-commands} keyed by conversation id. The live-chat gateway decides what it
 * means: the first reply claims a waiting conversation, later ones become {@code agent.message}.
 *
 * @param source    where the agent wrote it, e.g. {@code slack}
 * @param messageId stable for one written message, also when the command is delivered again
 */
public record AgentReply(String type, String eventId, Instant occurredAt, ChatbotRef chatbot,
                         ConversationRef conversation, String escalationId, AgentRef agent, String source,
                         String messageId, String text) implements Event {

    public static final String TYPE = "agent.reply";

    public AgentReply {
        type = TYPE;
    }
}
