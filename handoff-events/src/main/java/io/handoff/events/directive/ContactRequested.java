package io.handoff.events.directive;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/** Ask the visitor for an email address (show {@code emailPlaceholder} in the input); answer with {@code visitor.identified}. */
public record ContactRequested(String type, String eventId, Instant occurredAt,
                               ChatbotRef chatbot, ConversationRef conversation,
                               String text, String emailPlaceholder) implements Directive {

    public static final String TYPE = "contact.requested";

    public ContactRequested {
        type = TYPE;
    }
}
