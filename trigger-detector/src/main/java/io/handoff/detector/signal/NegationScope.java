package io.handoff.detector.signal;

import java.util.List;
import java.util.Set;

/**
 * Decides whether a request is refused rather than made: "I don't need a human", "no quiero hablar
 * con una persona", "ich möchte nicht mit einem Menschen sprechen".
 *
 * <p>It walks back from the start of the request through the same clause. Words that only carry the
 * wish ("need", "want", "to", "really") are stepped over; a negation within the next two other words
 * refuses the request; a new subject or a conjunction ("I", "but", "aber") starts a new thought and
 * stops the walk, so "this bot can't help I need a human" still counts as a request.
 */
final class NegationScope {

    private static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "without", "nobody", "neither", "nor", "nunca", "sin", "ni", "jamas", "ne", "n",
            "pas", "jamais", "sans", "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "ohne",
            "nao", "sem", "nem");

    private static final Set<String> WISH_WORDS = Set.of(
            "to", "really", "actually", "even", "necessarily", "need", "want", "like", "would", "have", "going", "ever",
            "any", "do", "does", "did", "will", "a", "an", "the", "talk", "speak", "chat", "am", "is", "are", "be",
            "quiero", "quero", "necesito", "preciso", "hablar", "falar", "me", "parler", "veux", "voudrais", "sprechen",
            "mochte", "brauche", "wirklich", "realmente", "vraiment", "de", "d");

    private static final Set<String> NEW_THOUGHT = Set.of(
            "i", "but", "so", "and", "please", "pero", "mais", "aber", "mas", "yo", "je", "j", "ich", "eu",
            "because", "then", "y", "et", "und", "e", "just", "now");

    private static final int COUNTED_WORDS = 2;

    private NegationScope() {
    }

    /** @param before the tokens of the clause that come before the request, in order */
    static boolean refuses(List<String> before) {
        int counted = 0;
        for (int i = before.size() - 1; i >= 0; i--) {
            String token = before.get(i);
            if (NEGATIONS.contains(token)) {
                return true;
            }
            if (NEW_THOUGHT.contains(token)) {
                return false;
            }
            if (!WISH_WORDS.contains(token) && ++counted >= COUNTED_WORDS) {
                return false;
            }
        }
        return false;
    }
}
