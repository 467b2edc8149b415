package io.handoff.detector.signal;

import java.util.Collection;
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

    boolean mayMatch(Collection<String> tokens) {
        return LeadWords.anyIn(leadWords, tokens);
    }
}
