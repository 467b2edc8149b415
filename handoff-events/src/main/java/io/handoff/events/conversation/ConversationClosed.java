package io.handoff.events.conversation;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/** The conversation ended in the upstream chat service; its state can be forgotten. */
public record ConversationClosed(String type, String eventId, Instant occurredAt,
                                 ChatbotRef chatbot, ConversationRef conversation, String reason)
        implements ConversationEvent {

    public static final String TYPE = "conversation.closed";

    public ConversationClosed {
        type = TYPE;
    }
}
