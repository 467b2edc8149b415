package io.handoff.detector.signal;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every word the signal patterns spell out, read from the compiled patterns themselves. A word a
 * pattern expects is by definition not a typo, so {@link TypoTolerance} leaves these alone: otherwise
 * Portuguese "transfere" would be "repaired" to English "transfer" and stop matching its own pattern.
 * Reading them from the patterns keeps the list right as patterns change.
 */
final class PatternVocabulary {

    private static final Pattern ESCAPE = Pattern.compile("\\\\[a-zA-Z]");
    private static final Pattern WORD = Pattern.compile("[a-z]{4,}");

    static final Set<String> WORDS = collect();

    private PatternVocabulary() {
    }

    private static Set<String> collect() {
        Set<String> words = new HashSet<>(NegativeWords.words());
        Stream.of(EnglishHumanRequests.PATTERNS, SpanishHumanRequests.PATTERNS, FrenchHumanRequests.PATTERNS,
                        GermanHumanRequests.PATTERNS, PortugueseHumanRequests.PATTERNS)
                .flatMap(java.util.List::stream)
                .forEach(request -> addWords(request.pattern().pattern(), words));
        Stream.of(EnglishFrustrationPhrases.CUES, ForeignFrustrationPhrases.CUES)
                .flatMap(java.util.List::stream)
                .forEach(cue -> addWords(cue.pattern().pattern(), words));
        return Set.copyOf(words);
    }

    private static void addWords(String regex, Set<String> words) {
        Matcher matcher = WORD.matcher(ESCAPE.matcher(regex).replaceAll(" "));
        while (matcher.find()) {
            words.add(matcher.group());
        }
    }
}
