package io.handoff.detector.signal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One sign of frustration and its weight. Weights combine as independent evidence (see
 * {@link FrustrationSignal}): a strong cue (≥ 0.6) fires alone, weak cues ("omg", "??") only together. As with {@link RequestPattern}, {@code leadWords} let a
 * message skip a cue whose opening words it does not contain.
 */
record FrustrationCue(Pattern pattern, double weight, Optional<Set<String>> leadWords) {

    static final double STRONG = 0.75;
    static final double MEDIUM = 0.6;
    static final double WEAK = 0.35;

    static FrustrationCue of(String regex, double weight) {
        return new FrustrationCue(Pattern.compile(regex), weight, LeadWords.of(regex));
    }

    /**
     * This cue as one cue per top-level alternative, each with the same weight. For a cue that fires
     * alone this changes nothing about whether a message is frustrated, and each alternative gets its
     * own lead words and required text, so a message runs only the alternatives it could match.
     */
    List<FrustrationCue> alternatives() {
        List<String> branches = LeadWords.splitTopLevel(pattern.pattern());
        return branches.size() == 1 ? List.of(this) : branches.stream().map(b -> of(b, weight)).toList();
    }

    boolean mayMatch(Collection<String> tokens) {
        return LeadWords.anyIn(leadWords, tokens);
    }
}
