package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import io.handoff.events.settings.DetectionRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores one visitor message for the signals that come from its words: an explicit request for a
 * person, frustration, a repeated question, an owner's restricted topic or keyword. Pure: the same
 * input always gives the same signals, so the stream and the rule tester share it and neither can
 * drift from the other.
 */
public final class SignalScorer {

    private SignalScorer() {
    }

    /**
     * @param text             the visitor's message
     * @param earlierQuestions the visitor's earlier messages in the window, oldest first
     * @param rules            the chatbot's detection rules
     * @return the signals that fired, in the order human request, frustration, repeated question,
     *         restricted topics, keywords
     */
    public static List<Signal> score(String text, List<String> earlierQuestions, DetectionRules rules) {
        VisitorText visitor = VisitorText.of(text);
        DetectionRules applied = rules == null ? DetectionRules.defaults() : rules;
        List<Signal> signals = new ArrayList<>();
        HumanRequestSignal.detect(visitor).ifPresent(signals::add);
        FrustrationSignal.detect(visitor).ifPresent(signals::add);
        RepeatedQuestionSignal.detect(visitor, earlierQuestions == null ? List.of() : earlierQuestions)
                .ifPresent(signals::add);
        signals.addAll(RestrictedTopicSignal.detect(visitor, applied.restrictedTopics()));
        signals.addAll(KeywordSignal.detect(visitor, applied.keywords()));
        return signals;
    }
}
