package io.handoff.detector.flow;

import io.handoff.detector.policy.Action;
import io.handoff.detector.policy.HandoffPolicy;
import io.handoff.detector.signal.SignalScorer;
import io.handoff.detector.stream.ConversationState;
import io.handoff.detector.stream.ConversationState.Stage;
import io.handoff.events.AiAssessment;
import io.handoff.events.MessageRole;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.DetectionRules;
import io.handoff.events.settings.HandoffLevel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The detector's decisions, free of Kafka: the stream and the rule tester both call it, so what an
 * owner sees in the rule tester is what the stream does.
 *
 * <p>Flow: a qualifying signal → (AI first: ask for the problem) → offer, unless the chatbot escalates
 * at once → on acceptance, ask for an email if one is required and unknown → escalate. One open
 * escalation per conversation; no offers while live chat runs, or within the cool-down after a
 * declined offer (an explicit request for a person still counts).
 */
public final class DetectionEngine {

    private final int windowSize;

    public DetectionEngine(int windowSize) {
        this.windowSize = windowSize;
    }

    /** A message in the conversation, from the visitor or the AI. */
    public Step onMessage(ConversationState state, MessageRole role, String text, AiAssessment ai, Instant at,
                          ChatbotSettings settings, String causeId) {
        DetectionRules rules = settings.detection();
        if (role != MessageRole.VISITOR) {
            List<Signal> signals = aiSignals(ai, rules);
            boolean low = signals.stream().anyMatch(s -> s.type().equals(SignalType.AI_LOW_CONFIDENCE));
            ConversationState next = state.withMessage(role, text, at, windowSize).change().aiLowConfidence(low).build();
            return decide(next, signals, settings, at, causeId);
        }
        List<Signal> signals = new ArrayList<>(SignalScorer.score(text, state.visitorTexts(), rules));
        int count = state.visitorMessages() + 1;
        Integer max = rules.maxVisitorMessages();
        if (max != null && count > max) {
            signals.add(new Signal(SignalType.MESSAGE_COUNT, 1.0, "more than " + max + " visitor messages"));
        }
        boolean frustrated = signals.stream().anyMatch(s -> s.type().equals(SignalType.FRUSTRATION)
                || s.type().equals(SignalType.REPEATED_QUESTION));
        boolean asksForPerson = signals.stream().anyMatch(s -> s.type().equals(SignalType.HUMAN_REQUEST));
        boolean states = state.stage() == Stage.PROBLEM_REQUESTED
                || (!asksForPerson && wordCount(text) >= 4);
        ConversationState next = state.withMessage(role, text, at, windowSize).change()
                .visitorMessages(count)
                .problemStated(state.problemStated() || states)
                .build();
        Step step;
        if (state.stage() == Stage.PROBLEM_REQUESTED && state.pendingTrigger() != null) {
            // the answer to problem.requested: carry on with the handoff that asked for it
            step = proceed(next.change().stage(Stage.BOT).build(), state.pendingTrigger(), merge(state.pendingSignals(), signals),
                    settings, causeId);
            step = new Step(step.state(), signals, step.action(), step.trigger());
        } else {
            HandoffPolicy.Context context = new HandoffPolicy.Context(state.frustratedMessages() > 0, state.aiLowConfidence());
            step = decide(next, signals, settings, at, causeId, context);
        }
        if (frustrated) {
            step = new Step(step.state().change().frustratedMessages(state.frustratedMessages() + 1).build(),
                    step.signals(), step.action(), step.trigger());
        }
        return step;
    }

    /** The visitor said yes to an offer. */
    public Step onAccepted(ConversationState state, ChatbotSettings settings, String causeId) {
        if (state.stage() != Stage.OFFERED || state.pendingTrigger() == null) {
            return Step.none(state, List.of());
        }
        return afterAcceptance(state, state.pendingTrigger(), state.pendingSignals(), settings, causeId);
    }

    /** The visitor said no: respected for the chatbot's cool-down. */
    public Step onDeclined(ConversationState state, Instant at) {
        if (state.stage() != Stage.OFFERED && state.stage() != Stage.CONTACT_REQUESTED && state.stage() != Stage.PROBLEM_REQUESTED) {
            return Step.none(state, List.of());
        }
        return Step.none(state.change().stage(Stage.BOT).pending(null, List.of()).declinedAt(at).build(), List.of());
    }

    /** The visitor gave contact details. */
    public Step onIdentified(ConversationState state, ChatbotSettings settings, String causeId) {
        if (state.stage() == Stage.CONTACT_REQUESTED && state.pendingTrigger() != null && state.visitorEmailKnown()) {
            return escalate(state, state.pendingTrigger(), state.pendingSignals(), causeId);
        }
        return Step.none(state, List.of());
    }

    /** An agent took over ({@code true}) or live chat ended ({@code false}). */
    public Step onLiveChat(ConversationState state, boolean live) {
        if (live) {
            return Step.none(state.change().stage(Stage.LIVE).pending(null, List.of()).build(), List.of());
        }
        // back to the AI: a new escalation may be created when the visitor needs one again
        return Step.none(state.change().stage(Stage.BOT).escalationId(null).frustratedMessages(0).build(), List.of());
    }

    /** The no-resolution timer: fires once per conversation when the chatbot sets a limit. */
    public Step onTimer(ConversationState state, ChatbotSettings settings, Instant now) {
        Integer minutes = settings.detection().noResolutionMinutes();
        if (minutes == null || state.timerFired() || state.startedAt() == null
                || state.stage() != Stage.BOT || now.isBefore(state.startedAt().plus(Duration.ofMinutes(minutes)))) {
            return Step.none(state, List.of());
        }
        Signal signal = new Signal(SignalType.NO_RESOLUTION_TIME, 1.0, "unresolved after " + minutes + " minutes");
        ConversationState fired = state.change().timerFired(true).build();
        return decide(fired, List.of(signal), settings, now, timerCause(state));
    }

    /**
     * What a timer's escalation and directives derive their ids from: the conversation of its chatbot,
     * since conversation ids are unique only within one, and when the conversation started.
     */
    public static String timerCause(ConversationState state) {
        return "timer|" + state.chatbot().key() + "|" + state.conversation().key() + "|" + state.startedAt();
    }

    private Step decide(ConversationState state, List<Signal> signals, ChatbotSettings settings, Instant at, String causeId) {
        return decide(state, signals, settings, at, causeId,
                new HandoffPolicy.Context(state.frustratedMessages() > 0, state.aiLowConfidence()));
    }

    private Step decide(ConversationState state, List<Signal> signals, ChatbotSettings settings, Instant at,
                        String causeId, HandoffPolicy.Context context) {
        if (!settings.escalationsEnabled() || state.stage() != Stage.BOT) {
            return Step.none(state, signals);
        }
        Optional<Signal> trigger = HandoffPolicy.trigger(settings.handoffLevel(), signals, context);
        if (trigger.isEmpty()) {
            return Step.none(state, signals);
        }
        boolean explicit = trigger.get().type().equals(SignalType.HUMAN_REQUEST);
        Instant declined = state.declinedAt();
        if (!explicit && declined != null
                && at.isBefore(declined.plus(Duration.ofMinutes(settings.detection().declineCooldownMinutes())))) {
            return Step.none(state, signals);
        }
        if (settings.handoffLevel() == HandoffLevel.AI_FIRST && !state.problemStated()) {
            ConversationState asked = state.change().stage(Stage.PROBLEM_REQUESTED).pending(trigger.get(), signals).build();
            return new Step(asked, signals, Action.REQUEST_PROBLEM, trigger.get());
        }
        Step step = proceed(state, trigger.get(), signals, settings, causeId);
        return new Step(step.state(), signals, step.action(), step.trigger());
    }

    private Step proceed(ConversationState state, Signal trigger, List<Signal> signals, ChatbotSettings settings, String causeId) {
        if (settings.offerFirst()) {
            ConversationState offered = state.change().stage(Stage.OFFERED).pending(trigger, signals).build();
            return new Step(offered, signals, Action.OFFER, trigger);
        }
        return afterAcceptance(state, trigger, signals, settings, causeId);
    }

    private Step afterAcceptance(ConversationState state, Signal trigger, List<Signal> signals, ChatbotSettings settings,
                                 String causeId) {
        if (settings.emailRequired() && !state.visitorEmailKnown()) {
            ConversationState asked = state.change().stage(Stage.CONTACT_REQUESTED).pending(trigger, signals).build();
            return new Step(asked, signals, Action.REQUEST_CONTACT, trigger);
        }
        return escalate(state, trigger, signals, causeId);
    }

    private static Step escalate(ConversationState state, Signal trigger, List<Signal> signals, String causeId) {
        ConversationState escalated = state.change().stage(Stage.ESCALATED).pending(trigger, signals)
                .escalationId(derivedId("escalation", causeId)).build();
        return new Step(escalated, signals, Action.ESCALATE, trigger);
    }

    static List<Signal> aiSignals(AiAssessment ai, DetectionRules rules) {
        List<Signal> signals = new ArrayList<>();
        if (ai == null) {
            return signals;
        }
        if (Boolean.TRUE.equals(ai.handoffSuggested())) {
            signals.add(new Signal(SignalType.AI_HANDOFF_SUGGESTED, 0.9, "the AI suggested a handoff"));
        }
        if (ai.confidence() != null && ai.confidence() < rules.aiConfidenceThreshold()) {
            signals.add(new Signal(SignalType.AI_LOW_CONFIDENCE, Math.round((1 - ai.confidence()) * 100) / 100.0,
                    "AI confidence " + ai.confidence() + " below " + rules.aiConfidenceThreshold()));
        }
        return signals;
    }

    /** {@code text.trim().split("\\s+").length} without the regex: one more than the runs of whitespace. */
    static int wordCount(String text) {
        String trimmed = text.trim();
        int words = 1;
        boolean inSpace = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (space && !inSpace) {
                words++;
            }
            inSpace = space;
        }
        return words;
    }

    private static List<Signal> merge(List<Signal> first, List<Signal> second) {
        List<Signal> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Ids derived from the causing event, so reprocessing it yields the same escalation, not a second one. */
    public static String derivedId(String purpose, String causeId) {
        return UUID.nameUUIDFromBytes((purpose + "|" + causeId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
