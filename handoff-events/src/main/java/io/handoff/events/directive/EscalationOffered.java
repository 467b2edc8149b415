package io.handoff.events.directive;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/** Ask the visitor whether they want a human; answer with {@code escalation.accepted} or {@code escalation.declined}. */
public record EscalationOffered(String type, String eventId, Instant occurredAt,
                                ChatbotRef chatbot, ConversationRef conversation, String text) implements Directive {

    public static final String TYPE = "escalation.offered";

    public EscalationOffered {
        type = TYPE;
    }
}
