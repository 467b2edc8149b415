package io.handoff.email.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void eachFailedAttemptWaitsTheNextDelayAndTheLastOneGivesUp() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, 0, new Random(1));
        assertThat(schedule.maxAttempts()).isEqualTo(4);
        assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(2)).contains(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(3)).contains(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(4)).isEmpty();
        assertThat(schedule.delayAfter(0)).isEmpty();
    }

    @Test
    void jitterSpreadsDelaysWithinTheConfiguredFraction() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, 0.2, new Random(42));
        List<Long> waits = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> schedule.delayAfter(2).orElseThrow().toMillis()).toList();
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(8_000L, 12_000L));
        assertThat(waits.stream().distinct().count()).isGreaterThan(50);
    }

    @Test
    void theLongestWaitCountsEveryDelayAtItsUpperBound() {
        assertThat(new RetrySchedule(DELAYS, 0.5, new Random()).longestTotalWait()).isEqualTo(Duration.ofSeconds(63));
    }

    @Test
    void jitterOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(DELAYS, 1.0, new Random())).isInstanceOf(IllegalArgumentException.class);
    }
}
