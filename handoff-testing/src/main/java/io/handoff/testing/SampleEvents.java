package io.handoff.testing;

import io.handoff.events.AiAssessment;
import io.handoff.events.ChatMessage;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.VisitorRef;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.escalation.TranscriptEntry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic events for tests, shaped like the examples in the docs. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static VisitorRef visitor(String email) {
        return new VisitorRef(ExternalId.of(123), email, "Jane", "Doe", "+1234567890");
    }

    public static MessageCreated visitorMessage(String chatbotId, String conversationId, VisitorRef visitor, String text) {
        return new MessageCreated(null, UUID.randomUUID().toString(), Instant.now(),
                new ChatbotRef(ExternalId.of(chatbotId), "My Chatbot"),
                new ConversationRef(ExternalId.of(conversationId), "web", "en"),
                visitor,
                new ChatMessage("m-" + UUID.randomUUID(), MessageRole.VISITOR, text),
                null);
    }

    public static MessageCreated assistantMessage(String chatbotId, String conversationId, VisitorRef visitor,
                                                  String text, AiAssessment ai) {
        return new MessageCreated(null, UUID.randomUUID().toString(), Instant.now(),
                new ChatbotRef(ExternalId.of(chatbotId), "My Chatbot"),
                new ConversationRef(ExternalId.of(conversationId), "web", "en"),
                visitor,
                new ChatMessage("m-" + UUID.randomUUID(), MessageRole.ASSISTANT, text),
                ai);
    }

    public static EscalationCreated escalation(String chatbotId, long conversationId, String lastMessage) {
        Instant now = Instant.parse("2026-02-09T12:00:00Z");
        Signal trigger = new Signal(SignalType.HUMAN_REQUEST, 0.95, "speak with someone");
        return new EscalationCreated(null, UUID.randomUUID().toString(), now, UUID.randomUUID().toString(),
                new ChatbotRef(ExternalId.of(chatbotId), "My Chatbot"),
                new ConversationRef(ExternalId.of(conversationId), "web", "en"),
                visitor("visitor@example.com"),
                lastMessage,
                List.of(new TranscriptEntry(MessageRole.VISITOR, "Where is my order?", now.minusSeconds(60)),
                        new TranscriptEntry(MessageRole.ASSISTANT, "Could you share the order number?", now.minusSeconds(50)),
                        new TranscriptEntry(MessageRole.VISITOR, lastMessage, now)),
                trigger, List.of(trigger));
    }
}
