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
 * What the detector remembers about one conversation. It lives in a changelogged state store, so a
 * restarted or rebalanced instance continues where the stopped one left off.
 *
 * @param stage              where the handoff flow stands
 * @param pendingTrigger     the signal that started the flow now waiting for the visitor
 * @param pendingSignals     every signal that fired with it, for the escalation
 * @param escalationId       the open escalation, once created
 * @param visitorMessages    visitor messages seen in this conversation
 * @param frustratedMessages visitor messages that showed frustration or repeated a question
 * @param aiLowConfidence    the AI's latest answer was below the confidence threshold
 * @param problemStated      the visitor has described the problem (AI-first mode)
 * @param declinedAt         when the visitor last declined an offer
 * @param startedAt          the first event seen, for the no-resolution timer
 * @param timerFired         the no-resolution rule has already fired
 */
public record ConversationState(ChatbotRef chatbot, ConversationRef conversation, VisitorRef visitor,
                                List<TranscriptEntry> window, Stage stage, Signal pendingTrigger,
                                List<Signal> pendingSignals, String escalationId, int visitorMessages,
                                int frustratedMessages, boolean aiLowConfidence, boolean problemStated,
                                Instant declinedAt, Instant startedAt, boolean timerFired) {

    /** Where a conversation stands in the handoff flow. */
    public enum Stage {
        /** The AI is answering; nothing is pending. */
        BOT,
        /** The visitor was asked to describe the problem first (AI-first mode). */
        PROBLEM_REQUESTED,
        /** The visitor was offered a human and has not answered. */
        OFFERED,
        /** The visitor was asked for an email before escalating. */
        CONTACT_REQUESTED,
        /** An escalation is open; no further offers. */
        ESCALATED,
        /** An agent is talking to the visitor. */
        LIVE
    }

    public ConversationState {
        window = window == null ? List.of() : List.copyOf(window);
        pendingSignals = pendingSignals == null ? List.of() : List.copyOf(pendingSignals);
        stage = stage == null ? Stage.BOT : stage;
    }

    public static ConversationState start(ChatbotRef chatbot, ConversationRef conversation, Instant at) {
        return new ConversationState(chatbot, conversation, null, List.of(), Stage.BOT, null, List.of(), null,
                0, 0, false, false, null, at, false);
    }

    /** A copy with other values for the fields a step changes; null keeps the current value. */
    public Builder change() {
        return new Builder(this);
    }

    public ConversationState withMessage(MessageRole role, String text, Instant at, int windowSize) {
        List<TranscriptEntry> next = new ArrayList<>(window);
        next.add(new TranscriptEntry(role, text, at));
        while (next.size() > windowSize) {
            next.remove(0);
        }
        return change().window(next).build();
    }

    /** Merges what the upstream now knows about the visitor with what was known. */
    public ConversationState withVisitor(VisitorRef update) {
        if (update == null) {
            return this;
        }
        return change().visitor(visitor == null ? update : update.mergedWith(visitor)).build();
    }

    public boolean visitorEmailKnown() {
        return visitor != null && visitor.hasEmail();
    }

    /** The visitor's earlier messages in the window, oldest first. */
    public List<String> visitorTexts() {
        return window.stream().filter(e -> e.role() == MessageRole.VISITOR).map(TranscriptEntry::text).toList();
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

    /** Mutable copy used by a step; records stay immutable outside. */
    public static final class Builder {
        private ChatbotRef chatbot;
        private ConversationRef conversation;
        private VisitorRef visitor;
        private List<TranscriptEntry> window;
        private Stage stage;
        private Signal pendingTrigger;
        private List<Signal> pendingSignals;
        private String escalationId;
        private int visitorMessages;
        private int frustratedMessages;
        private boolean aiLowConfidence;
        private boolean problemStated;
        private Instant declinedAt;
        private Instant startedAt;
        private boolean timerFired;

        private Builder(ConversationState s) {
            chatbot = s.chatbot;
            conversation = s.conversation;
            visitor = s.visitor;
            window = s.window;
            stage = s.stage;
            pendingTrigger = s.pendingTrigger;
            pendingSignals = s.pendingSignals;
            escalationId = s.escalationId;
            visitorMessages = s.visitorMessages;
            frustratedMessages = s.frustratedMessages;
            aiLowConfidence = s.aiLowConfidence;
            problemStated = s.problemStated;
            declinedAt = s.declinedAt;
            startedAt = s.startedAt;
            timerFired = s.timerFired;
        }

        public Builder refs(ChatbotRef c, ConversationRef v) { chatbot = c; conversation = v; return this; }
        public Builder visitor(VisitorRef v) { visitor = v; return this; }
        public Builder window(List<TranscriptEntry> w) { window = w; return this; }
        public Builder stage(Stage s) { stage = s; return this; }
        public Builder pending(Signal trigger, List<Signal> signals) { pendingTrigger = trigger; pendingSignals = signals; return this; }
        public Builder escalationId(String id) { escalationId = id; return this; }
        public Builder visitorMessages(int n) { visitorMessages = n; return this; }
        public Builder frustratedMessages(int n) { frustratedMessages = n; return this; }
        public Builder aiLowConfidence(boolean b) { aiLowConfidence = b; return this; }
        public Builder problemStated(boolean b) { problemStated = b; return this; }
        public Builder declinedAt(Instant at) { declinedAt = at; return this; }
        public Builder timerFired(boolean b) { timerFired = b; return this; }

        public ConversationState build() {
            return new ConversationState(chatbot, conversation, visitor, window, stage, pendingTrigger, pendingSignals,
                    escalationId, visitorMessages, frustratedMessages, aiLowConfidence, problemStated, declinedAt,
                    startedAt, timerFired);
        }
    }
}
