package io.handoff.slack.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slack rate-limits posting per channel. After an HTTP 429 for a channel, every caller that wants to
 * post there waits out its {@code Retry-After}; other channels are not held up.
 */
@ApplicationScoped
public class ChannelRateGate {

    private final ConcurrentMap<String, Instant> notBefore = new ConcurrentHashMap<>();

    /** Nothing may be posted to {@code channel} for {@code pause}. */
    public void holdOff(String channel, Duration pause) {
        Instant until = Instant.now().plus(pause);
        notBefore.merge(channel, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How long a caller must still wait before posting to {@code channel}. */
    public Duration remaining(String channel) {
        Instant until = notBefore.get(channel);
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), until);
        if (left.isNegative() || left.isZero()) {
            notBefore.remove(channel, until);
            return Duration.ZERO;
        }
        return left;
    }

    /** Blocks until {@code channel} may be posted to again. */
    public void awaitTurn(String channel) throws InterruptedException {
        Duration left;
        while (!(left = remaining(channel)).isZero()) {
            Thread.sleep(Math.max(1, left.toMillis()));
        }
    }
}
