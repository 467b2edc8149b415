package io.handoff.detector.signal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One way of asking for a person, as a pattern over a normalised clause, with how sure a match makes
 * us. {@code negatable} is false for patterns that already contain their own negation ("not a bot"),
 * which the negation check would otherwise read as a refusal. {@code leadWords}, when present, are
 * words one of which the clause must contain for the pattern to have a chance (see {@link LeadWords}).
 */
record RequestPattern(Pattern pattern, double score, boolean negatable, Optional<Set<String>> leadWords) {

    static RequestPattern of(String regex, double score) {
        return new RequestPattern(Pattern.compile(regex), score, true, LeadWords.of(regex));
    }

    static RequestPattern withOwnNegation(String regex, double score) {
        return new RequestPattern(Pattern.compile(regex), score, false, LeadWords.of(regex));
    }

    /**
     * This pattern as one pattern per top-level alternative, with the same score and negation rule. A
     * request takes the best-scoring match, so the split changes no result; each alternative gets its
     * own lead words and required text, so a message runs only the alternatives it could match.
     */
    List<RequestPattern> alternatives() {
        List<String> branches = LeadWords.splitTopLevel(pattern.pattern());
        if (branches.size() == 1) {
            return List.of(this);
        }
        return branches.stream().map(b -> negatable ? of(b, score) : withOwnNegation(b, score)).toList();
    }

    boolean mayMatch(Collection<String> tokens) {
        return LeadWords.anyIn(leadWords, tokens);
    }
}
