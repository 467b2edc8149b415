package io.handoff.email.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.email.config.EmailConfig;
import io.handoff.email.ledger.DeliveredLedger;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.telemetry.DeadLetterMetrics;
import io.handoff.telemetry.DeliveryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Emails one command to each of its recipients and reports every outcome.
 *
 * <p>Recipients are attempted in rounds: a round tries everyone still pending; those that failed
 * transiently wait the schedule's next delay and go again, so one slow recipient never holds up the
 * others for more than that. Each attempt is reported on {@code handoff.deliveries}: {@code delivered},
 * {@code retrying} (with the next delay) or {@code failed} (with the reason). When the command is done,
 * the recipients that failed are dead-lettered together as one command narrowed to them, so an
 * operator can replay exactly those.
 *
 * <p>Retries happen here, in process, while the Kafka record stays unacknowledged: if the process dies
 * meanwhile, Kafka delivers the command again, and the {@link DeliveredLedger} keeps those who already
 * got it from getting it twice.
 */
@ApplicationScoped
public class EmailDeliveries {

    public static final String DELIVERIES = "deliveries";
    public static final String DEAD_LETTERS = "dead-letters";

    private static final Logger LOG = Logger.getLogger(EmailDeliveries.class);

    private final SmtpSender sender;
    private final DeliveredLedger ledger;
    private final RetrySchedule schedule;
    private final MutinyEmitter<DeliveryResult> deliveries;
    private final MutinyEmitter<String> deadLetters;
    private final String commandTopic;
    private final MeterRegistry metrics;
    private final DeliveryMetrics deliveryMetrics;
    private final DeadLetterMetrics deadLetterMetrics;

    @Inject
    public EmailDeliveries(SmtpSender sender, DeliveredLedger ledger, EmailConfig config,
                           @Channel(DELIVERIES) MutinyEmitter<DeliveryResult> deliveries,
                           @Channel(DEAD_LETTERS) MutinyEmitter<String> deadLetters,
                           @ConfigProperty(name = "mp.messaging.incoming.notify-email.topic",
                                   defaultValue = "handoff.notify.email") String commandTopic,
                           MeterRegistry metrics) {
        this.sender = sender;
        this.ledger = ledger;
        this.schedule = new RetrySchedule(config.retry().delays(), config.retry().jitter(), ThreadLocalRandom.current());
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.commandTopic = commandTopic;
        this.metrics = metrics;
        this.deliveryMetrics = new DeliveryMetrics(metrics, DeliveryChannel.EMAIL);
        this.deadLetterMetrics = new DeadLetterMetrics(metrics);
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    /**
     * Delivers {@code command}. Returns when every recipient was delivered, failed for good (reported
     * and dead-lettered) or had been handled already.
     *
     * @throws InterruptedException when the process is stopping mid-retry; the caller must then leave
     *                              the record unacknowledged so that it is delivered again
     */
    public void deliver(NotifyEmail command) throws InterruptedException {
        String deliveryId = command.deliveryId();
        List<String> pending = new ArrayList<>();
        for (String recipient : distinct(command.recipients())) {
            if (ledger.claim(deliveryId, recipient)) {
                pending.add(recipient);
            } else {
                count("skipped");
                LOG.infof("email %s to %s was sent already or is being sent; not sent again", deliveryId,
                        RecipientRef.of(recipient));
            }
        }
        Map<String, String> failed = new LinkedHashMap<>();
        int attempt = 1;
        try {
            while (!pending.isEmpty()) {
                Optional<Duration> wait = schedule.delayAfter(attempt);
                List<String> again = new ArrayList<>();
                for (String recipient : pending) {
                    SendOutcome outcome = sender.send(command, recipient);
                    switch (outcome.kind()) {
                        case DELIVERED -> {
                            ledger.markDelivered(deliveryId, recipient);
                            report(command, recipient, DeliveryStatus.DELIVERED, attempt, outcome.detail());
                            count("delivered");
                            deliveryMetrics.attempted(command, DeliveryStatus.DELIVERED);
                            LOG.infof("escalation %s emailed to %s (delivery %s, attempt %d)",
                                    command.escalation().escalationId(), RecipientRef.of(recipient), deliveryId, attempt);
                            LOG.debugf("%s is %s", RecipientRef.of(recipient), recipient);
                        }
                        case TRANSIENT -> {
                            if (wait.isPresent()) {
                                again.add(recipient);
                                report(command, recipient, DeliveryStatus.RETRYING, attempt,
                                        outcome.detail() + "; next attempt in " + wait.get().toMillis() + " ms");
                                count("retrying");
                                deliveryMetrics.attempted(command, DeliveryStatus.RETRYING);
                                LOG.warnf("email %s to %s failed on attempt %d (%s); retrying in %d ms", deliveryId,
                                        RecipientRef.of(recipient), attempt, RecipientRef.scrub(outcome.detail(), recipient),
                                        wait.get().toMillis());
                            } else {
                                fail(command, recipient, attempt,
                                        outcome.detail() + "; gave up after " + attempt + " attempt(s)", failed);
                            }
                        }
                        case PERMANENT -> fail(command, recipient, attempt, outcome.detail() + "; not retried", failed);
                    }
                }
                pending = again;
                if (!pending.isEmpty()) {
                    Thread.sleep(wait.orElseThrow().toMillis());
                    attempt++;
                }
            }
        } finally {
            // Interrupted mid-retry: nobody is sending these any more; a redelivery may claim them.
            pending.forEach(recipient -> ledger.release(deliveryId, recipient));
        }
        if (!failed.isEmpty()) {
            deadLetter(command, failed, attempt);
        }
    }

    private void fail(NotifyEmail command, String recipient, int attempt, String reason, Map<String, String> failed) {
        ledger.release(command.deliveryId(), recipient);
        failed.put(recipient, reason);
        report(command, recipient, DeliveryStatus.FAILED, attempt, reason);
        count("failed");
        deliveryMetrics.attempted(command, DeliveryStatus.FAILED);
        LOG.warnf("email %s to %s failed: %s", command.deliveryId(), RecipientRef.of(recipient),
                RecipientRef.scrub(reason, recipient));
        LOG.debugf("%s is %s", RecipientRef.of(recipient), recipient);
    }

    private void report(NotifyEmail command, String recipient, DeliveryStatus status, int attempt, String detail) {
        deliveries.sendMessageAndAwait(KafkaRecord.of(command.escalation().escalationId(),
                DeliveryResult.of(command, DeliveryChannel.EMAIL, recipient, status, attempt, detail)));
    }

    /** The command, narrowed to the recipients that failed, with why, on the command topic's DLQ. */
    private void deadLetter(NotifyEmail command, Map<String, String> failed, int attempts) {
        NotifyEmail narrowed = new NotifyEmail(command.type(), command.eventId(), command.occurredAt(),
                command.deliveryId(), command.escalation(), command.inboxUrl(), command.reminder(),
                List.copyOf(failed.keySet()), command.locale(), command.expectedResponseMinutes());
        String reason = failed.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(" | "));
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", commandTopic.getBytes(StandardCharsets.UTF_8));
        headers.add("handoff-delivery-id", command.deliveryId().getBytes(StandardCharsets.UTF_8));
        headers.add("handoff-attempts", Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        deadLetters.sendMessageAndAwait(Message.of(json(narrowed)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(command.escalation().escalationId())
                .withHeaders(headers)
                .build()));
        deadLetterMetrics.written(commandTopic);
        LOG.warnf("email %s dead-lettered for %d recipient(s)", command.deliveryId(), failed.size());
    }

    /** The same address twice (in any case) is one mailbox and gets one email. */
    private static Set<String> distinct(List<String> recipients) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String recipient : recipients) {
            if (recipient != null && !recipient.isBlank()) {
                byKey.putIfAbsent(recipient.trim().toLowerCase(Locale.ROOT), recipient.trim());
            }
        }
        return new LinkedHashSet<>(byKey.values());
    }

    private void count(String outcome) {
        metrics.counter("handoff.email.deliveries", "outcome", outcome).increment();
    }

    private static String json(NotifyEmail command) {
        try {
            return EventJson.mapper().writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the command", e);
        }
    }
}
