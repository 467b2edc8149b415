package io.handoff.events.conversation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.Event;

/**
 * An event the upstream chat service produces on {@code chat.conversation-events}, keyed by
 * conversation id so that one conversation's events stay in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = MessageCreated.class, name = MessageCreated.TYPE),
        @JsonSubTypes.Type(value = EscalationAccepted.class, name = EscalationAccepted.TYPE),
        @JsonSubTypes.Type(value = EscalationDeclined.class, name = EscalationDeclined.TYPE),
        @JsonSubTypes.Type(value = VisitorIdentified.class, name = VisitorIdentified.TYPE),
        @JsonSubTypes.Type(value = ConversationClosed.class, name = ConversationClosed.TYPE)
})
public sealed interface ConversationEvent extends Event
        permits MessageCreated, EscalationAccepted, EscalationDeclined, VisitorIdentified, ConversationClosed {

    ChatbotRef chatbot();

    ConversationRef conversation();
}
