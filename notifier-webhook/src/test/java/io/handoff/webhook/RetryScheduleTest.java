package io.handoff.webhook;

import io.handoff.webhook.delivery.RetrySchedule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private final List<Duration> delays = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));

    @Test
    void followsTheConfiguredDelaysThenGivesUp() {
        RetrySchedule schedule = new RetrySchedule(delays, 0, Duration.ofHours(24), new Random(1));

        assertThat(schedule.maxAttempts()).isEqualTo(4);
        assertThat(schedule.delayAfter(1, null)).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2, null)).contains(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(3, null)).contains(Duration.ofMinutes(2));
        assertThat(schedule.delayAfter(4, null)).isEmpty();
    }

    @Test
    void theShippedScheduleSpansAboutThreeDaysInTenAttempts() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = RetryScheduleTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        List<Duration> configured = Arrays.stream(shipped.getProperty("handoff.webhook.retry.delays").split(","))
                .map(d -> Duration.parse("PT" + d.trim().toUpperCase(Locale.ROOT))).toList();
        RetrySchedule schedule = new RetrySchedule(configured, 0, Duration.ofHours(24), new Random(1));

        assertThat(schedule.maxAttempts()).isEqualTo(10);
        assertThat(schedule.delayAfter(1, null)).contains(Duration.ofSeconds(5));
        Duration total = configured.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusHours(6));
        // each wait at least as long as the one before: backoff, never a burst late in the schedule
        for (int i = 1; i < configured.size(); i++) {
            assertThat(configured.get(i)).isGreaterThanOrEqualTo(configured.get(i - 1));
        }
    }

    @Test
    void jitterSpreadsDelaysWithinTheConfiguredFraction() {
        RetrySchedule schedule = new RetrySchedule(delays, 0.2, Duration.ofHours(24), new Random(7));

        for (int i = 0; i < 200; i++) {
            assertThat(schedule.delayAfter(2, null).orElseThrow())
                    .isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
        }
    }

    @Test
    void retryAfterIsHonouredWhenLongerAndCapped() {
        RetrySchedule schedule = new RetrySchedule(delays, 0, Duration.ofMinutes(10), new Random(1));

        assertThat(schedule.delayAfter(1, Duration.ofSeconds(60))).contains(Duration.ofSeconds(60));
        assertThat(schedule.delayAfter(1, Duration.ofSeconds(1))).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(1, Duration.ofDays(3))).contains(Duration.ofMinutes(10));
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(WebhookSender.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(WebhookSender.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(WebhookSender.retryAfter("soon")).isNull();
        assertThat(WebhookSender.retryAfter(null)).isNull();
    }
}
