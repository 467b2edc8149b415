package io.handoff.email.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.email.config.EmailConfig;
import io.handoff.email.delivery.EmailDeliveries;
import io.handoff.email.delivery.RecipientRef;
import io.handoff.email.delivery.RetrySchedule;
import io.handoff.email.delivery.SendOutcome;
import io.handoff.email.delivery.SmtpSender;
import io.handoff.email.ledger.DeliveredLedger;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.NotifyAlert;
import io.handoff.telemetry.DeadLetterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Emails an alert to each of a chatbot's admin contacts, with the same retry schedule as escalation
 * emails. Alerts are rare, so recipients go one after the other. Those that fail for good are
 * dead-lettered together as one alert narrowed to them, with the reason. Alerts are not escalation
 * deliveries and are not reported on {@code handoff.deliveries}; the ledger keeps a copy of the alert
 * handled while this process runs from emailing anyone twice.
 */
@ApplicationScoped
public class AlertDeliveries {

    private static final Logger LOG = Logger.getLogger(AlertDeliveries.class);

    private final SmtpSender sender;
    private final AlertEmailComposer composer;
    private final DeliveredLedger ledger;
    private final RetrySchedule schedule;
    private final MutinyEmitter<String> deadLetters;
    private final String commandTopic;
    private final MeterRegistry metrics;
    private final DeadLetterMetrics deadLetterMetrics;

    public AlertDeliveries(SmtpSender sender, AlertEmailComposer composer, DeliveredLedger ledger, EmailConfig config,
                           @Channel(EmailDeliveries.DEAD_LETTERS) MutinyEmitter<String> deadLetters,
                           @ConfigProperty(name = "mp.messaging.incoming.notify-email.topic",
                                   defaultValue = "handoff.notify.email") String commandTopic,
                           MeterRegistry metrics) {
        this.sender = sender;
        this.composer = composer;
        this.ledger = ledger;
        this.schedule = new RetrySchedule(config.retry().delays(), config.retry().jitter(), ThreadLocalRandom.current());
        this.deadLetters = deadLetters;
        this.commandTopic = commandTopic;
        this.metrics = metrics;
        this.deadLetterMetrics = new DeadLetterMetrics(metrics);
    }

    /**
     * @throws InterruptedException when the process is stopping mid-retry; the record then stays
     *                              unacknowledged and the alert is handled again
     */
    public void deliver(NotifyAlert alert) throws InterruptedException {
        Map<String, String> failed = new LinkedHashMap<>();
        int attempts = 1;
        for (String recipient : alert.recipients().stream().map(String::trim).distinct().toList()) {
            if (!ledger.claim(alert.alertId(), recipient)) {
                count("skipped");
                continue;
            }
            boolean done = false;
            try {
                for (int attempt = 1; ; attempt++) {
                    attempts = Math.max(attempts, attempt);
                    SendOutcome outcome = sender.send(composer.compose(alert, recipient));
                    if (outcome.kind() == SendOutcome.Kind.DELIVERED) {
                        ledger.markDelivered(alert.alertId(), recipient);
                        done = true;
                        count("delivered");
                        LOG.infof("alert %s (%s) emailed to %s", alert.alertId(), alert.kind(), RecipientRef.of(recipient));
                        break;
                    }
                    Optional<Duration> wait = outcome.kind() == SendOutcome.Kind.TRANSIENT
                            ? schedule.delayAfter(attempt) : Optional.empty();
                    if (wait.isEmpty()) {
                        failed.put(recipient, outcome.detail() + (outcome.kind() == SendOutcome.Kind.TRANSIENT
                                ? "; gave up after " + attempt + " attempt(s)" : "; not retried"));
                        count("failed");
                        break;
                    }
                    LOG.warnf("alert %s to %s failed on attempt %d (%s); retrying in %d ms", alert.alertId(),
                            RecipientRef.of(recipient), attempt, RecipientRef.scrub(outcome.detail(), recipient),
                            wait.get().toMillis());
                    Thread.sleep(wait.get().toMillis());
                }
            } finally {
                if (!done) {
                    ledger.release(alert.alertId(), recipient);
                }
            }
        }
        if (!failed.isEmpty()) {
            deadLetter(alert, failed, attempts);
        }
    }

    private void deadLetter(NotifyAlert alert, Map<String, String> failed, int attempts) {
        NotifyAlert narrowed = new NotifyAlert(alert.type(), alert.eventId(), alert.occurredAt(), alert.alertId(),
                alert.chatbotId(), alert.chatbotName(), alert.kind(), alert.target(), alert.detail(), alert.since(),
                List.copyOf(failed.keySet()), alert.locale());
        String reason = failed.entrySet().stream()
                .map(e -> RecipientRef.of(e.getKey()) + ": " + RecipientRef.scrub(e.getValue(), e.getKey()))
                .collect(Collectors.joining(" | "));
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", commandTopic.getBytes(StandardCharsets.UTF_8));
        headers.add("handoff-delivery-id", alert.alertId().getBytes(StandardCharsets.UTF_8));
        headers.add("handoff-attempts", Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        deadLetters.sendMessageAndAwait(Message.of(json(narrowed)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(alert.chatbotId())
                .withHeaders(headers)
                .build()));
        deadLetterMetrics.written(commandTopic);
        LOG.warnf("alert %s dead-lettered for %d recipient(s): %s", alert.alertId(), failed.size(), reason);
    }

    private void count(String outcome) {
        metrics.counter("handoff.email.alerts", "outcome", outcome).increment();
    }

    private static String json(NotifyAlert alert) {
        try {
            return EventJson.mapper().writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the alert", e);
        }
    }
}
