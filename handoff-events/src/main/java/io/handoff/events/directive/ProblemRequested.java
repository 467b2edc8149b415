package io.handoff.events.directive;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/** AI-first mode: ask the visitor to describe the problem completely before a human is brought in. */
public record ProblemRequested(String type, String eventId, Instant occurredAt,
                               ChatbotRef chatbot, ConversationRef conversation, String text) implements Directive {

    public static final String TYPE = "problem.requested";

    public ProblemRequested {
        type = TYPE;
    }
}
