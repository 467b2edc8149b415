package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds an owner's configured phrases in a message, one signal per phrase found, with the phrase as
 * the owner wrote it as evidence so they can see which of their rules fired. Restricted topics and
 * keywords differ only in the signal type they report.
 */
final class OwnerPhrases {

    private OwnerPhrases() {
    }

    static List<Signal> find(VisitorText text, List<String> phrases, String type) {
        List<Signal> signals = new ArrayList<>();
        if (phrases == null || phrases.isEmpty() || text.tokens().isEmpty()) {
            return signals;
        }
        List<Set<String>> keys = InflectedPhrase.keysOf(text.tokens());
        for (String phrase : phrases) {
            if (phrase == null || phrase.isBlank()) {
                continue;
            }
            InflectedPhrase.of(phrase).matchIn(keys)
                    .ifPresent(score -> signals.add(new Signal(type, score, phrase.strip())));
        }
        return signals;
    }
}
