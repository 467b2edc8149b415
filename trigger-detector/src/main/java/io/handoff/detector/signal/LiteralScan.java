package io.handoff.detector.signal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds which of a fixed set of strings occur in a text, all at once, in one pass over the text
 * (Aho-Corasick). The strings are what the signal patterns cannot match without (see
 * {@link RequiredText}); they are plain lower-case ASCII, and a text character outside ASCII is part
 * of none of them, so it simply restarts the search.
 */
final class LiteralScan {

    private final int[] alphabet = new int[128];
    private final int width;
    private final int[] next;
    private final int[][] found;
    private final int count;

    /** @param literals the strings, each identified by its index; all characters below 128 */
    LiteralScan(List<String> literals) {
        this.count = literals.size();
        int letters = 1;
        for (String literal : literals) {
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c >= 128) {
                    throw new IllegalArgumentException("not ASCII: " + literal);
                }
                if (alphabet[c] == 0) {
                    alphabet[c] = letters++;
                }
            }
        }
        this.width = letters;

        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        trie.add(new int[width]);
        ends.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            int state = 0;
            for (int i = 0; i < literal.length(); i++) {
                int symbol = alphabet[literal.charAt(i)];
                if (trie.get(state)[symbol] == 0) {
                    trie.get(state)[symbol] = trie.size();
                    trie.add(new int[width]);
                    ends.add(new ArrayList<>());
                }
                state = trie.get(state)[symbol];
            }
            ends.get(state).add(id);
        }

        // breadth first: each state's failure link, and the full transition table built from the links
        int states = trie.size();
        int[] fail = new int[states];
        next = new int[states * width];
        found = new int[states][];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int symbol = 1; symbol < width; symbol++) {
            int child = trie.get(0)[symbol];
            next[symbol] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> here = new ArrayList<>(ends.get(state));
            if (found[fail[state]] != null) {
                for (int id : found[fail[state]]) {
                    here.add(id);
                }
            }
            found[state] = here.isEmpty() ? null : here.stream().mapToInt(Integer::intValue).toArray();
            for (int symbol = 1; symbol < width; symbol++) {
                int child = trie.get(state)[symbol];
                if (child != 0) {
                    fail[child] = next[fail[state] * width + symbol];
                    next[state * width + symbol] = child;
                    queue.add(child);
                } else {
                    next[state * width + symbol] = next[fail[state] * width + symbol];
                }
            }
        }
    }

    /** One bit per string, set when it occurs in {@code text}. */
    long[] in(String text) {
        long[] present = new long[(count + 63) >>> 6];
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int symbol = c < 128 ? alphabet[c] : 0;
            state = symbol == 0 ? 0 : next[state * width + symbol];
            int[] ids = found[state];
            if (ids != null) {
                for (int id : ids) {
                    present[id >>> 6] |= 1L << id;
                }
            }
        }
        return present;
    }

    static boolean contains(long[] present, int id) {
        return (present[id >>> 6] & (1L << id)) != 0;
    }
}
