package io.handoff.events.directive;

import io.handoff.events.AgentRef;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;

import java.time.Instant;

/** The agent ended live chat: show {@code text} and let the AI answer again. */
public record LivechatEnded(String type, String eventId, Instant occurredAt,
                            ChatbotRef chatbot, ConversationRef conversation,
                            AgentRef agent, String text) implements Directive {

    public static final String TYPE = "livechat.ended";

    public LivechatEnded {
        type = TYPE;
    }
}
