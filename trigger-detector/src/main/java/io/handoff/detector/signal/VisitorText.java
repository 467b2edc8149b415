package io.handoff.detector.signal;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One visitor message prepared once for every signal: the raw text (capitals and punctuation carry
 * frustration), the normalised clauses with key-word typos repaired and {@link Fillers} left out (what
 * the request patterns read), and the whole normalised line with its tokens (what the frustration cues,
 * topic, keyword and similarity rules read).
 * {@code words} is the same tokens as a set, for the cheap lead-word check before each pattern.
 */
public record VisitorText(String raw, List<String> clauses, String normalized, List<String> tokens, Set<String> words) {

    public static VisitorText of(String text) {
        String raw = text == null ? "" : text;
        List<String> plainClauses = TextNormalizer.clauses(raw);
        List<String> clauses = plainClauses.stream().map(TypoTolerance::repair).toList();
        String normalized = TypoTolerance.repair(TextNormalizer.normalize(raw, plainClauses));
        List<String> tokens = TextNormalizer.tokens(normalized);
        Set<String> words = new HashSet<>(tokens);
        if (clauses.size() != 1 || !clauses.get(0).equals(normalized)) {
            clauses.forEach(clause -> words.addAll(TextNormalizer.tokens(clause)));
        }
        if (Fillers.anyIn(words)) {
            clauses = clauses.stream().map(Fillers::without).toList();
        }
        return new VisitorText(raw, clauses, normalized, tokens, Collections.unmodifiableSet(words));
    }

    /** Only the normalised, repaired tokens: all that the comparison with earlier messages needs. */
    static List<String> tokensOf(String text) {
        return TextNormalizer.tokens(TypoTolerance.repair(TextNormalizer.normalize(text)));
    }
}
