package io.handoff.email.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a transient SMTP failure again: the configured delays, each spread by a random jitter
 * so that many emails failing together (the SMTP relay was down) do not all come back at once.
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final RandomGenerator random;

    public RetrySchedule(List<Duration> delays, double jitter, RandomGenerator random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays must not be negative: " + delays);
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.random = random;
    }

    /** The first attempt and one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after attempt {@code failedAttempt} (1-based) failed, or empty when it was the last. */
    public Optional<Duration> delayAfter(int failedAttempt) {
        if (failedAttempt < 1 || failedAttempt > delays.size()) {
            return Optional.empty();
        }
        long base = delays.get(failedAttempt - 1).toMillis();
        long spread = Math.round(base * jitter * (random.nextDouble() * 2 - 1));
        return Optional.of(Duration.ofMillis(Math.max(0, base + spread)));
    }

    /** The longest a command can be held by retries: every delay at its upper jitter bound. */
    public Duration longestTotalWait() {
        long millis = delays.stream().mapToLong(Duration::toMillis).sum();
        return Duration.ofMillis(Math.round(millis * (1 + jitter)));
    }
}
