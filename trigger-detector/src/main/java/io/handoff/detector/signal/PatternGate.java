package io.handoff.detector.signal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides cheaply which of a list of patterns a message could match, so that only those are run.
 * Two checks, both made once per message for the whole list rather than once per pattern:
 * <ul>
 *   <li>the lead-word gate ({@link LeadWords}): the patterns one of whose lead words the message
 *   contains, looked up word by word, plus every pattern without lead words;</li>
 *   <li>the required text ({@link RequiredText}): a pattern whose indispensable strings do not all
 *   occur in the text cannot match it, so running it would find nothing.</li>
 * </ul>
 * The first is part of what a pattern means (a pattern runs only when its gate is open); the second
 * only skips work whose result is known in advance.
 */
final class PatternGate {

    private final int size;
    private final BitSet ungated = new BitSet();
    private final Map<String, BitSet> byLeadWord = new HashMap<>();
    /** Per pattern, sets of string ids; each set must have one of its strings in the text. */
    private final int[][][] required;
    private final LiteralScan scan;

    PatternGate(List<Pattern> patterns, List<Optional<Set<String>>> leadWords) {
        size = patterns.size();
        for (int i = 0; i < size; i++) {
            Optional<Set<String>> lead = leadWords.get(i);
            if (lead.isEmpty()) {
                ungated.set(i);
                continue;
            }
            for (String word : lead.get()) {
                byLeadWord.computeIfAbsent(word, w -> new BitSet()).set(i);
            }
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        required = new int[size][][];
        for (int i = 0; i < size; i++) {
            List<int[]> sets = new ArrayList<>();
            for (Set<String> any : RequiredText.of(patterns.get(i).pattern())) {
                if (any.stream().allMatch(PatternGate::isAscii)) {
                    sets.add(any.stream().mapToInt(s -> ids.computeIfAbsent(s, k -> ids.size())).toArray());
                }
            }
            required[i] = sets.toArray(new int[0][]);
        }
        scan = new LiteralScan(List.copyOf(ids.keySet()));
    }

    /** The patterns whose lead-word gate these words open, by index in the list. */
    BitSet openedBy(Collection<String> words) {
        BitSet open = (BitSet) ungated.clone();
        for (String word : words) {
            BitSet patterns = byLeadWord.get(word);
            if (patterns != null) {
                open.or(patterns);
            }
        }
        return open;
    }

    /** What {@link #mayMatch} needs to know about a text; compute once per text. */
    long[] scan(String text) {
        return scan.in(text);
    }

    /** False when pattern {@code index} certainly finds no match in the scanned text. */
    boolean mayMatch(int index, long[] scanned) {
        for (int[] any : required[index]) {
            boolean met = false;
            for (int id : any) {
                if (LiteralScan.contains(scanned, id)) {
                    met = true;
                    break;
                }
            }
            if (!met) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return size;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }
}
