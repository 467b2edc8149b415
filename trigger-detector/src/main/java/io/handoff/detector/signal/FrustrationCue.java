package io.handoff.detector.signal;

import java.util.Collection;
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

    boolean mayMatch(Collection<String> tokens) {
        return LeadWords.anyIn(leadWords, tokens);
    }
}
