package io.handoff.detector.signal;

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two adjacent
 * letters each cost one. The swap matters because it is the most common chat typo ("humna",
 * "agnet"), which plain Levenshtein would count as two edits.
 */
final class EditDistance {

    private EditDistance() {
    }

    /** The distance, or {@code limit + 1} as soon as it is known to exceed {@code limit}. */
    static int between(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
                rowMin = Math.min(rowMin, best);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * {@code between(a, b, 1) <= 1} without the table: the strings are equal, or one substitution, one
     * insertion or deletion, or one swap of adjacent letters turns one into the other.
     */
    static boolean atMostOne(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.length() <= 1; // as between() answers, which reads rows of a
        }
        int m = a.length();
        int n = b.length();
        if (m < n) {
            return atMostOne(b, a);
        }
        if (m - n > 1) {
            return false;
        }
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == n) {
            return true;
        }
        if (m > n) {
            return a.regionMatches(i + 1, b, i, n - i);
        }
        if (a.regionMatches(i + 1, b, i + 1, n - i - 1)) {
            return true;
        }
        return i + 1 < n && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.regionMatches(i + 2, b, i + 2, n - i - 2);
    }
}
