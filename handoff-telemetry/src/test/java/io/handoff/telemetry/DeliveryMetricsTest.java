package io.handoff.telemetry;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifyWebhook;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryMetricsTest {

    private static final Instant CREATED = Instant.parse("2026-02-09T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryMetrics metrics = new DeliveryMetrics(registry, DeliveryChannel.WEBHOOK,
            Clock.fixed(CREATED.plusMillis(80), ZoneOffset.UTC));

    private static NotifyWebhook command(boolean reminder) {
        EscalationCreated escalation = new EscalationCreated(null, "e-1", CREATED, "esc-1",
                new ChatbotRef(ExternalId.of("bot-1"), "Bot"), new ConversationRef(ExternalId.of("c-1"), "web", "en"),
                null, "Can I talk to a person?", List.of(), new Signal("human_request", 0.9, "talk to a person"), List.of());
        return new NotifyWebhook(null, "n-1", CREATED, "d-1", escalation, "https://inbox", reminder,
                "https://example.com/hook", null);
    }

    private Timer latency(String outcome) {
        return registry.get(DeliveryMetrics.LATENCY).tags("channel", "webhook", "outcome", outcome).timer();
    }

    private double attempts(String outcome) {
        return registry.get(DeliveryMetrics.ATTEMPTS).tags("channel", "webhook", "outcome", outcome).counter().count();
    }

    @Test
    void everyOutcomeIsCountedFromZeroAndOnlyTheSettlingAttemptTimesTheEscalation() {
        assertThat(attempts("delivered")).isZero();
        assertThat(attempts("failed")).isZero();

        metrics.attempted(command(false), DeliveryStatus.RETRYING);
        metrics.attempted(command(false), DeliveryStatus.DELIVERED);

        assertThat(attempts("retrying")).isEqualTo(1);
        assertThat(attempts("delivered")).isEqualTo(1);
        assertThat(latency("delivered").count()).isEqualTo(1);
        assertThat(latency("delivered").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(80);
        assertThat(latency("failed").count()).isZero();
        assertThat(registry.find(DeliveryMetrics.LATENCY).tag("outcome", "retrying").timer()).isNull();
    }

    @Test
    void remindersAreCountedButNotTimedFromTheEscalation() {
        metrics.attempted(command(true), DeliveryStatus.FAILED);

        assertThat(attempts("failed")).isEqualTo(1);
        assertThat(latency("failed").count()).isZero();
    }

    @Test
    void latencyHasFixedBucketsForPercentilesAcrossInstances() {
        metrics.attempted(command(false), DeliveryStatus.DELIVERED);

        var buckets = latency("delivered").takeSnapshot().histogramCounts();
        assertThat(buckets).hasSize(DeliveryMetrics.LATENCY_BUCKETS.length);
        // 80 ms: not within 50 ms, within 100 ms
        assertThat(buckets[2].count()).isZero();
        assertThat(buckets[3].count()).isEqualTo(1);
    }
}
