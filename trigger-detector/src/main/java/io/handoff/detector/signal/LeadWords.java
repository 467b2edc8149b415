package io.handoff.detector.signal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The words one of which must be present for a pattern to match, read from the pattern's opening
 * {@code \b(?:talk|speak|have a word)} or {@code \bwhy ...}. Checking a set of tokens first is far
 * cheaper than running the regex, and most messages contain none of a given pattern's lead words.
 *
 * <p>Conservative by construction: when the opening is anything but plain words (an anchor, a class,
 * a quantifier, a nested group, an optional group), there is no gate and the pattern always runs.
 */
final class LeadWords {

    private LeadWords() {
    }

    /** True when there is no gate, or one of the message's words opens the pattern. */
    static boolean anyIn(Optional<Set<String>> leadWords, Collection<String> words) {
        if (leadWords.isEmpty()) {
            return true;
        }
        Set<String> lead = leadWords.get();
        for (String word : words) {
            if (lead.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static Optional<Set<String>> of(String regex) {
        Set<String> words = new HashSet<>();
        for (String branch : splitTopLevel(regex)) {
            Optional<Set<String>> lead = ofBranch(branch);
            if (lead.isEmpty()) {
                return Optional.empty();
            }
            words.addAll(lead.get());
        }
        return Optional.of(Set.copyOf(words));
    }

    private static Optional<Set<String>> ofBranch(String regex) {
        String rest = skipLookbehinds(regex);
        if (!rest.startsWith("\\b")) {
            return Optional.empty();
        }
        rest = rest.substring(2);
        if (rest.startsWith("(?:")) {
            int close = closingParen(rest, 0);
            if (close < 0 || (close + 1 < rest.length() && "?*{".indexOf(rest.charAt(close + 1)) >= 0)) {
                return Optional.empty();
            }
            List<String> firsts = new ArrayList<>();
            for (String alternative : splitTopLevel(rest.substring(3, close))) {
                Optional<String> first = firstWord(alternative);
                if (first.isEmpty()) {
                    return Optional.empty();
                }
                firsts.add(first.get());
            }
            return Optional.of(Set.copyOf(firsts));
        }
        return firstWord(rest).map(Set::of);
    }

    /** The leading plain word of an alternative, if it ends at a space, a word boundary or the end. */
    private static Optional<String> firstWord(String alternative) {
        int i = 0;
        while (i < alternative.length() && Character.isLetter(alternative.charAt(i))) {
            i++;
        }
        boolean plainEnd = i == alternative.length() || alternative.charAt(i) == ' '
                || alternative.startsWith("\\b", i);
        return i > 0 && plainEnd ? Optional.of(alternative.substring(0, i)) : Optional.empty();
    }

    private static String skipLookbehinds(String regex) {
        String rest = regex;
        while (rest.startsWith("(?<!") || rest.startsWith("(?<=")) {
            int close = closingParen(rest, 0);
            if (close < 0) {
                return "";
            }
            rest = rest.substring(close + 1);
        }
        return rest;
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The alternatives of a regex or group body at its top level: "a|(b|c)|d" gives "a", "(b|c)", "d". */
    static List<String> splitTopLevel(String group) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(group.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(group.substring(start));
        return parts;
    }
}
