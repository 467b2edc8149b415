package io.handoff.webhook.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.events.notify.TargetState;
import io.handoff.webhook.WebhookConfig;
import io.handoff.telemetry.DeadLetterMetrics;
import io.handoff.telemetry.DeliveryMetrics;
import io.handoff.telemetry.LogIds;
import io.handoff.telemetry.tracing.Tracing;
import io.handoff.webhook.WebhookSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One attempt at a webhook and everything that follows from it: the report on
 * {@code handoff.deliveries}, the next retry in the delivery log, or, after the last attempt or a
 * failure that retrying cannot fix, the dead-letter record and a {@code failed} report.
 */
@ApplicationScoped
public class WebhookDeliveries {

    public static final String DELIVERIES = "deliveries";
    public static final String DEAD_LETTERS = "dead-letters";

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    private final WebhookSender sender;
    private final DeliveryLog log;
    private final RetrySchedule schedule;
    private final MutinyEmitter<DeliveryResult> deliveries;
    private final MutinyEmitter<String> deadLetters;
    private final DeliveryMetrics metrics;
    private final DeadLetterMetrics deadLetterMetrics;
    private final Tracing tracing;

    public WebhookDeliveries(WebhookSender sender, DeliveryLog log, WebhookConfig config,
                             @Channel(DELIVERIES) MutinyEmitter<DeliveryResult> deliveries,
                             @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters, MeterRegistry registry,
                             Tracing tracing) {
        this.sender = sender;
        this.tracing = tracing;
        this.log = log;
        this.schedule = new RetrySchedule(config.retry().delays(), config.retry().jitter(),
                config.retry().maxRetryAfter(), ThreadLocalRandom.current());
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.metrics = new DeliveryMetrics(registry, DeliveryChannel.WEBHOOK);
        this.deadLetterMetrics = new DeadLetterMetrics(registry);
    }

    /**
     * A command read from the router. A delivery the log already knows (a redelivered command) is not
     * attempted again: it was delivered, is scheduled for retry, or failed and waits for a replay.
     */
    public void first(NotifyWebhook command) {
        Optional<DeliveryRecord> known = log.find(command.deliveryId());
        if (known.isPresent()) {
            LOG.debugf("webhook %s already %s; not attempted again", command.deliveryId(), known.get().status());
            return;
        }
        attempt(command, 1);
    }

    /** Attempt number {@code attempt} (1-based) of {@code command}. */
    public void attempt(NotifyWebhook command, int attempt) {
        try (LogIds ids = LogIds.of(command)) {
            attemptOnce(command, attempt);
        }
    }

    private void attemptOnce(NotifyWebhook command, int attempt) {
        WebhookAttempt result = sender.send(command);
        String escalationId = command.escalation().escalationId();
        String json = json(command);
        if (result.outcome() == WebhookAttempt.Outcome.DELIVERED) {
            log.record(command.deliveryId(), escalationId, command.url(), json, DeliveryRecord.Status.DELIVERED, attempt, null, null);
            report(command, DeliveryStatus.DELIVERED, attempt, result.detail());
            LOG.infof("webhook %s delivered on attempt %d (%s)", command.deliveryId(), attempt, result.detail());
            return;
        }
        Optional<Duration> wait = result.outcome() == WebhookAttempt.Outcome.RETRYABLE
                ? schedule.delayAfter(attempt, result.retryAfter())
                : Optional.empty();
        if (wait.isPresent()) {
            log.record(command.deliveryId(), escalationId, command.url(), json, DeliveryRecord.Status.RETRY_SCHEDULED,
                    attempt, Instant.now().plus(wait.get()), result.detail());
            report(command, DeliveryStatus.RETRYING, attempt, result.detail() + "; next attempt in " + wait.get().toMillis() + " ms");
            LOG.warnf("webhook %s attempt %d failed (%s); retrying in %d ms", command.deliveryId(), attempt,
                    result.detail(), wait.get().toMillis());
            return;
        }
        String reason = switch (result.outcome()) {
            case PERMANENT, GONE -> result.detail() + "; not retried";
            default -> result.detail() + "; gave up after " + attempt + " attempt(s)";
        };
        // what the failure says about the endpoint: the router disables a gone one and flags a failing one
        TargetState targetState = switch (result.outcome()) {
            case GONE -> TargetState.GONE;
            case RETRYABLE -> TargetState.FAILING;
            default -> null;
        };
        deadLetter(command, json(withoutSecret(command)), reason, attempt);
        log.record(command.deliveryId(), escalationId, command.url(), json, DeliveryRecord.Status.FAILED, attempt, null, reason);
        report(command, DeliveryStatus.FAILED, attempt, reason, targetState);
        LOG.warnf("webhook %s failed: %s", command.deliveryId(), reason);
    }

    private void deadLetter(NotifyWebhook command, String json, String reason, int attempts) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", Topics.NOTIFY_WEBHOOK.getBytes(StandardCharsets.UTF_8));
        headers.add("handoff-delivery-id", command.deliveryId().getBytes(StandardCharsets.UTF_8));
        headers.add("handoff-attempts", Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        deadLetters.sendMessageAndAwait(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(command.escalation().escalationId())
                .withHeaders(headers)
                .build()));
        deadLetterMetrics.written(Topics.NOTIFY_WEBHOOK);
    }

    private void report(NotifyWebhook command, DeliveryStatus status, int attempt, String detail) {
        report(command, status, attempt, detail, null);
    }

    private void report(NotifyWebhook command, DeliveryStatus status, int attempt, String detail, TargetState targetState) {
        deliveries.sendMessageAndAwait(tracing.traced(KafkaRecord.of(command.escalation().escalationId(),
                DeliveryResult.of(command, DeliveryChannel.WEBHOOK, command.url(), status, attempt, detail, targetState))));
        metrics.attempted(command, status);
    }

    /** Dead-letter records are for reading; the secret stays in the delivery log, which replays use. */
    private static NotifyWebhook withoutSecret(NotifyWebhook c) {
        return new NotifyWebhook(c.type(), c.eventId(), c.occurredAt(), c.deliveryId(), c.escalation(), c.inboxUrl(),
                c.reminder(), c.url(), null);
    }

    private static String json(NotifyWebhook command) {
        try {
            return EventJson.mapper().writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the command", e);
        }
    }
}
