package io.handoff.events.conversation;

import io.handoff.events.AiAssessment;
import io.handoff.events.ChatMessage;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.VisitorRef;

import java.time.Instant;

/**
 * A message was written in a conversation: by the visitor, or by the upstream AI (then {@code ai}
 * may say how confident it was).
 */
public record MessageCreated(String type, String eventId, Instant occurredAt,
                             ChatbotRef chatbot, ConversationRef conversation, VisitorRef visitor,
                             ChatMessage message, AiAssessment ai) implements ConversationEvent {

    public static final String TYPE = "message.created";

    public MessageCreated {
        type = TYPE;
    }
}
