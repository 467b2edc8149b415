package io.handoff.events.directive;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/**
 * The team has been notified: show {@code text} (it states the expected response time).
 *
 * @param aiKeepsAnswering true when the AI should keep helping while the visitor waits for a human
 */
public record EscalationConfirmed(String type, String eventId, Instant occurredAt,
                                  ChatbotRef chatbot, ConversationRef conversation, String escalationId,
                                  String text, Integer expectedResponseMinutes, boolean aiKeepsAnswering)
        implements Directive {

    public static final String TYPE = "escalation.confirmed";

    public EscalationConfirmed {
        type = TYPE;
    }
}
