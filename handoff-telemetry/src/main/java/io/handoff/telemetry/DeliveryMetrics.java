package io.handoff.telemetry;

import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifyCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A notifier's delivery attempts and how long escalations took to reach people, the same way for email,
 * Slack and webhooks:
 *
 * <ul>
 *   <li>{@code handoff.delivery.attempts} ({@code handoff_delivery_attempts_total}): attempts, tagged
 *       {@code channel} and {@code outcome} ({@code delivered}, {@code retrying}, {@code failed}), one
 *       per report on {@code handoff.deliveries}. An email to three recipients is three deliveries.</li>
 *   <li>{@code handoff.delivery.latency} ({@code handoff_delivery_latency_seconds}): from the
 *       escalation's {@code occurredAt} (when the detector created it) to the end of the attempt that
 *       settled the delivery, tagged {@code channel} and {@code outcome} ({@code delivered} or
 *       {@code failed}). It covers every hop (detector, router, notifier) and every retry. Reminders
 *       are left out: they are sent on purpose long after the escalation.</li>
 * </ul>
 *
 * <p>The latency is a histogram with fixed buckets from 10 ms to 1 h, so {@code histogram_quantile}
 * gives percentiles across instances. It compares clocks of different machines; keep them in sync.
 */
public final class DeliveryMetrics {

    public static final String ATTEMPTS = "handoff.delivery.attempts";
    public static final String LATENCY = "handoff.delivery.latency";

    static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)};

    private final Map<DeliveryStatus, Counter> attempts = new EnumMap<>(DeliveryStatus.class);
    private final Map<DeliveryStatus, Timer> latencies = new EnumMap<>(DeliveryStatus.class);
    private final Clock clock;

    public DeliveryMetrics(MeterRegistry registry, DeliveryChannel channel) {
        this(registry, channel, Clock.systemUTC());
    }

    DeliveryMetrics(MeterRegistry registry, DeliveryChannel channel, Clock clock) {
        this.clock = clock;
        String channelTag = channel.name().toLowerCase(Locale.ROOT);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            String outcome = status.name().toLowerCase(Locale.ROOT);
            attempts.put(status, Counter.builder(ATTEMPTS)
                    .description("Notification delivery attempts, by channel and outcome")
                    .tags("channel", channelTag, "outcome", outcome)
                    .register(registry));
            if (status != DeliveryStatus.RETRYING) {
                latencies.put(status, Timer.builder(LATENCY)
                        .description("From the escalation's creation to the end of the attempt that settled its delivery")
                        .tags("channel", channelTag, "outcome", outcome)
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry));
            }
        }
    }

    /** One attempt at delivering {@code command} ended with {@code outcome}, now. */
    public void attempted(NotifyCommand command, DeliveryStatus outcome) {
        attempts.get(outcome).increment();
        Timer latency = latencies.get(outcome);
        if (latency != null && !command.reminder()) {
            Duration since = Duration.between(command.escalation().occurredAt(), clock.instant());
            latency.record(since.isNegative() ? Duration.ZERO : since);
        }
    }
}
