package io.handoff.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** p50, p95, p99 and max of a set of durations, by nearest rank (each one is a measured value). */
record Percentiles(int count, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    static Percentiles of(List<Duration> durations) {
        double[] millis = durations.stream().mapToDouble(d -> d.toNanos() / 1e6).toArray();
        Arrays.sort(millis);
        if (millis.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(millis.length, rank(millis, 0.50), rank(millis, 0.95), rank(millis, 0.99),
                millis[millis.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** "p50 / p95 / p99 / max" in milliseconds. */
    String row() {
        return count == 0 ? "no samples"
                : String.format("%8.1f %8.1f %8.1f %8.1f", p50Millis, p95Millis, p99Millis, maxMillis);
    }
}
