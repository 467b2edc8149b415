package io.handoff.events.directive;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.Event;

/**
 * An instruction to the upstream chat service about one conversation, on {@code handoff.directives}
 * keyed by conversation id. {@code docs/events.md} says what the upstream must do on each.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = EscalationOffered.class, name = EscalationOffered.TYPE),
        @JsonSubTypes.Type(value = ContactRequested.class, name = ContactRequested.TYPE),
        @JsonSubTypes.Type(value = ProblemRequested.class, name = ProblemRequested.TYPE),
        @JsonSubTypes.Type(value = EscalationConfirmed.class, name = EscalationConfirmed.TYPE),
        @JsonSubTypes.Type(value = LivechatStarted.class, name = LivechatStarted.TYPE),
        @JsonSubTypes.Type(value = AgentMessage.class, name = AgentMessage.TYPE),
        @JsonSubTypes.Type(value = LivechatEnded.class, name = LivechatEnded.TYPE)
})
public sealed interface Directive extends Event
        permits EscalationOffered, ContactRequested, ProblemRequested, EscalationConfirmed,
        LivechatStarted, AgentMessage, LivechatEnded {

    ChatbotRef chatbot();

    ConversationRef conversation();
}
