package io.handoff.events.directive;

import io.handoff.events.AgentRef;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/** Deliver an agent's message to the visitor, as written. {@code messageId} is stable across redeliveries. */
public record AgentMessage(String type, String eventId, Instant occurredAt,
                           ChatbotRef chatbot, ConversationRef conversation,
                           AgentRef agent, String messageId, String text) implements Directive {

    public static final String TYPE = "agent.message";

    public AgentMessage {
        type = TYPE;
    }
}
