package io.handoff.detector.signal;

import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;

import java.util.List;

/**
 * Recognises the topics an owner says must always go to a human (billing disputes, cancellations,
 * legal). Topics are noun phrases, visitors write sentences, so a topic also matches when its words
 * appear inflected and close together in another order ("I'm disputing my billing"); see
 * {@link InflectedPhrase}.
 */
public final class RestrictedTopicSignal {

    private RestrictedTopicSignal() {
    }

    public static List<Signal> detect(VisitorText text, List<String> topics) {
        return OwnerPhrases.find(text, topics, SignalType.RESTRICTED_TOPIC);
    }
}
