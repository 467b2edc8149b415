package io.handoff.events.conversation;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/** The visitor said no to an escalation offer; the detector does not offer again for a while. */
public record EscalationDeclined(String type, String eventId, Instant occurredAt,
                                 ChatbotRef chatbot, ConversationRef conversation) implements ConversationEvent {

    public static final String TYPE = "escalation.declined";

    public EscalationDeclined {
        type = TYPE;
    }
}
