package io.handoff.events.directive;

import io.handoff.events.AgentRef;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/** An agent took the conversation over: show {@code text} and stop the AI until {@code livechat.ended}. */
public record LivechatStarted(String type, String eventId, Instant occurredAt,
                              ChatbotRef chatbot, ConversationRef conversation, String escalationId,
                              AgentRef agent, String text) implements Directive {

    public static final String TYPE = "livechat.started";

    public LivechatStarted {
        type = TYPE;
    }
}
