package io.handoff.detector.signal;

import java.util.Locale;
import java.util.Optional;

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

    private Shouting() {
    }

    /** Words are runs of three or more letters ({@code \\p{L}{3,}}), read code point by code point. */
    static boolean inCapitals(String raw) {
        int total = 0;
        int upper = 0;
        int i = 0;
        while (i < raw.length()) {
            int cp = raw.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int letters = 0;
            while (i < raw.length() && Character.isLetter(cp = raw.codePointAt(i))) {
                i += Character.charCount(cp);
                letters++;
            }
            if (letters >= 3) {
                total++;
                String word = raw.substring(start, i);
                if (word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT))) {
                    upper++;
                }
            }
        }
        return total >= MIN_WORDS && upper >= MIN_SHARE * total;
    }

    /** The longest run of repeated question or exclamation marks ({@code [?!]{2,}}), the first of equals. */
    static Optional<String> repeatedMarks(String raw) {
        String longest = null;
        int i = 0;
        while (i < raw.length()) {
            if (!isMark(raw.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < raw.length() && isMark(raw.charAt(i))) {
                i++;
            }
            if (i - start >= 2 && (longest == null || i - start > longest.length())) {
                longest = raw.substring(start, i);
            }
        }
        return Optional.ofNullable(longest);
    }

    private static boolean isMark(char c) {
        return c == '?' || c == '!';
    }

    static double marksWeight(String marks) {
        return marks.length() >= 3 ? 0.4 : 0.3;
    }
}
