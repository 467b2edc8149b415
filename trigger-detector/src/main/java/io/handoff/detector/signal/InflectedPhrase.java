package io.handoff.detector.signal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An owner-configured phrase (a restricted topic or a keyword), matched on whole words against a
 * normalised message, tolerant of inflection (see {@link WordStem}).
 *
 * <p>The phrase matches exactly when its words appear together in order ("billing disputes"), and
 * loosely when its content words all appear close together in any order ("disputing my billing"):
 * owners write topics as noun phrases, visitors rarely do.
 */
final class InflectedPhrase {

    static final double EXACT = 0.9;
    static final double LOOSE = 0.8;
    private static final int LOOSE_SLACK = 3;

    private final List<Set<String>> words;
    private final List<Set<String>> contentWords;

    private InflectedPhrase(List<Set<String>> words, List<Set<String>> contentWords) {
        this.words = words;
        this.contentWords = contentWords;
    }

    static InflectedPhrase of(String phrase) {
        List<String> tokens = TextNormalizer.tokens(TextNormalizer.normalize(phrase));
        return new InflectedPhrase(tokens.stream().map(WordStem::keys).toList(),
                tokens.stream().filter(ContentWords::isContent).map(WordStem::keys).toList());
    }

    /** The stem keys of a message's tokens, computed once and matched against every phrase. */
    static List<Set<String>> keysOf(List<String> tokens) {
        return tokens.stream().map(WordStem::keys).toList();
    }

    /** How well the phrase matches, {@link #EXACT} or {@link #LOOSE}, or empty. */
    Optional<Double> matchIn(List<Set<String>> text) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (inOrder(text)) {
            return Optional.of(EXACT);
        }
        return contentWords.size() >= 2 && nearby(text) ? Optional.of(LOOSE) : Optional.empty();
    }

    private boolean inOrder(List<Set<String>> text) {
        for (int start = 0; start + words.size() <= text.size(); start++) {
            int i = 0;
            while (i < words.size() && WordStem.same(words.get(i), text.get(start + i))) {
                i++;
            }
            if (i == words.size()) {
                return true;
            }
        }
        return false;
    }

    private boolean nearby(List<Set<String>> text) {
        int window = contentWords.size() + LOOSE_SLACK;
        for (int start = 0; start < text.size(); start++) {
            List<Set<String>> span = text.subList(start, Math.min(text.size(), start + window));
            if (contentWords.stream().allMatch(word -> span.stream().anyMatch(t -> WordStem.same(word, t)))) {
                return true;
            }
        }
        return false;
    }
}
