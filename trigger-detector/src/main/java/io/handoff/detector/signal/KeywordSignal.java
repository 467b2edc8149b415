package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;

import java.util.List;

/**
 * Recognises owner-defined keywords ("refund", "lawsuit", "urgent") as whole words, tolerant of plural
 * and inflection ("refunds", "refunded") but not of words that merely contain them ("sue" does not fire
 * on "issue"). One signal per keyword found, with the keyword as evidence.
 */
public final class KeywordSignal {

    private KeywordSignal() {
    }

    public static List<Signal> detect(VisitorText text, List<String> keywords) {
        return OwnerPhrases.find(text, keywords, SignalType.KEYWORD);
    }
}
