package io.handoff.webhook.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed webhook again: the configured delays, each spread by a random jitter so that
 * many deliveries failing together do not come back together, and never earlier than the receiver's
 * {@code Retry-After}.
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    public RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter, RandomGenerator random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** How many attempts there are in all: the first one and one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * The wait after attempt {@code failedAttempt} (1-based) failed, or empty when it was the last.
     *
     * @param retryAfter what the receiver asked for, or null
     */
    public Optional<Duration> delayAfter(int failedAttempt, Duration retryAfter) {
        if (failedAttempt < 1 || failedAttempt > delays.size()) {
            return Optional.empty();
        }
        long base = delays.get(failedAttempt - 1).toMillis();
        long spread = Math.round(base * jitter * (random.nextDouble() * 2 - 1));
        Duration delay = Duration.ofMillis(Math.max(0, base + spread));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return Optional.of(delay);
    }
}
