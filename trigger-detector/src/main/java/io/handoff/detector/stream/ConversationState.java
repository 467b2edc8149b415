package io.handoff.detector.stream;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.MessageRole;
import io.handoff.events.VisitorRef;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.TranscriptEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the detector remembers about one conversation, kept in a changelogged state store so that
 * another instance continues where a stopped one left off.
 *
 * @param window           the most recent messages, oldest first
 * @param pendingTrigger   a decided handoff waiting for the visitor's email
 * @param openEscalationId the escalation already created for this conversation, if any
 */
public record ConversationState(ChatbotRef chatbot, ConversationRef conversation, VisitorRef visitor,
                                List<TranscriptEntry> window, Signal pendingTrigger, String openEscalationId) {

    public ConversationState {
        window = window == null ? List.of() : List.copyOf(window);
    }

    public static ConversationState start(ChatbotRef chatbot, ConversationRef conversation) {
        return new ConversationState(chatbot, conversation, null, List.of(), null, null);
    }

    public ConversationState withMessage(MessageRole role, String text, Instant at, int windowSize) {
        List<TranscriptEntry> next = new ArrayList<>(window);
        next.add(new TranscriptEntry(role, text, at));
        while (next.size() > windowSize) {
            next.remove(0);
        }
        return new ConversationState(chatbot, conversation, visitor, next, pendingTrigger, openEscalationId);
    }

    /** Merges what the upstream now knows about the visitor with what was known. */
    public ConversationState withVisitor(VisitorRef update) {
        if (update == null) {
            return this;
        }
        VisitorRef merged = visitor == null ? update : update.mergedWith(visitor);
        return new ConversationState(chatbot, conversation, merged, window, pendingTrigger, openEscalationId);
    }

    public ConversationState withConversation(ChatbotRef newChatbot, ConversationRef newConversation) {
        return new ConversationState(newChatbot, newConversation, visitor, window, pendingTrigger, openEscalationId);
    }

    public ConversationState awaitingContact(Signal trigger) {
        return new ConversationState(chatbot, conversation, visitor, window, trigger, openEscalationId);
    }

    public ConversationState escalated(String escalationId) {
        return new ConversationState(chatbot, conversation, visitor, window, null, escalationId);
    }

    public boolean visitorEmailKnown() {
        return visitor != null && visitor.hasEmail();
    }

    /** The visitor's latest message, the first thing an agent reads. */
    public String lastVisitorMessage() {
        for (int i = window.size() - 1; i >= 0; i--) {
            if (window.get(i).role() == MessageRole.VISITOR) {
                return window.get(i).text();
            }
        }
        return "";
    }
}
