package io.handoff.events.conversation;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.VisitorRef;

import java.time.Instant;

/** The visitor said yes to an escalation offer; {@code visitor} may carry the email they typed. */
public record EscalationAccepted(String type, String eventId, Instant occurredAt,
                                 ChatbotRef chatbot, ConversationRef conversation, VisitorRef visitor)
        implements ConversationEvent {

    public static final String TYPE = "escalation.accepted";

    public EscalationAccepted {
        type = TYPE;
    }
}
