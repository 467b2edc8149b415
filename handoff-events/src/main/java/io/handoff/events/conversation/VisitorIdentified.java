package io.handoff.events.conversation;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.VisitorRef;

import java.time.Instant;

/** The visitor gave contact details (typically the email asked for by {@code contact.requested}). */
public record VisitorIdentified(String type, String eventId, Instant occurredAt,
                                ChatbotRef chatbot, ConversationRef conversation, VisitorRef visitor)
        implements ConversationEvent {

    public static final String TYPE = "visitor.identified";

    public VisitorIdentified {
        type = TYPE;
    }
}
