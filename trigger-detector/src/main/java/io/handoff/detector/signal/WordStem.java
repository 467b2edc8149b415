package io.handoff.detector.signal;

import java.util.Set;

/**
 * A deliberately small stemmer so that an owner's phrase matches its common inflections: "billing
 * dispute" matches "billing disputes" and "disputing my bill", "refund" matches "refunded", "cancel"
 * matches "cancellation". It strips one suffix and a final "e"; because English sometimes doubles a
 * consonant before a suffix ("cancelled") and sometimes not ("billing"), a word has two keys, with and
 * without the doubled letter, and two words match when their keys meet.
 */
final class WordStem {

    private static final String[][] SUFFIXES = {
            {"ations", ""}, {"ation", ""}, {"ings", ""}, {"ing", ""}, {"edly", ""}, {"ed", ""}, {"ies", "y"},
            {"es", ""}, {"ly", ""}, {"s", ""}};

    private WordStem() {
    }

    static Set<String> keys(String word) {
        String stem = stem(word);
        int n = stem.length();
        if (n >= 4 && stem.charAt(n - 1) == stem.charAt(n - 2) && !isVowel(stem.charAt(n - 1))) {
            return Set.of(stem, stem.substring(0, n - 1));
        }
        return Set.of(stem);
    }

    static boolean same(Set<String> a, Set<String> b) {
        for (String key : a) {
            if (b.contains(key)) {
                return true;
            }
        }
        return false;
    }

    static String stem(String word) {
        if (word.length() <= 3) {
            return word;
        }
        String stem = word;
        for (String[] suffix : SUFFIXES) {
            if (stem.endsWith(suffix[0]) && stem.length() - suffix[0].length() + suffix[1].length() >= 3
                    && !(suffix[0].equals("s") && (stem.endsWith("ss") || stem.endsWith("us")))) {
                stem = stem.substring(0, stem.length() - suffix[0].length()) + suffix[1];
                break;
            }
        }
        if (stem.length() >= 4 && stem.endsWith("e")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }
}
