package io.handoff.detector.signal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frustration carried by typography rather than words, read from the raw text: a message typed
 * mostly in capitals, and runs of "?" and "!". Short capitalised words are ignored so that acronyms
 * ("Does the API support SSO?") do not count as shouting, and at least three longer words must be
 * present ("FAQ URL?" is not shouting).
 */
final class Shouting {

    static final double CAPITALS_WEIGHT = 0.6;
    private static final int MIN_WORDS = 3;
    private static final double MIN_SHARE = 0.75;
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final Pattern REPEATED_MARKS = Pattern.compile("[?!]{2,}");

    private Shouting() {
    }

    static boolean inCapitals(String raw) {
        Matcher words = WORD.matcher(raw);
        int total = 0;
        int upper = 0;
        while (words.find()) {
            total++;
            String word = words.group();
            if (word.equals(word.toUpperCase(java.util.Locale.ROOT)) && !word.equals(word.toLowerCase(java.util.Locale.ROOT))) {
                upper++;
            }
        }
        return total >= MIN_WORDS && upper >= MIN_SHARE * total;
    }

    /** The longest run of repeated question or exclamation marks, if any. */
    static Optional<String> repeatedMarks(String raw) {
        Matcher marks = REPEATED_MARKS.matcher(raw);
        String longest = null;
        while (marks.find()) {
            if (longest == null || marks.group().length() > longest.length()) {
                longest = marks.group();
            }
        }
        return Optional.ofNullable(longest);
    }

    static double marksWeight(String marks) {
        return marks.length() >= 3 ? 0.4 : 0.3;
    }
}
