package io.handoff.slack.messaging;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifySlack;
import io.handoff.slack.service.EscalationPoster;
import io.handoff.slack.service.SlackFailure;
import io.handoff.telemetry.DeliveryMetrics;
import io.handoff.telemetry.LogIds;
import io.handoff.telemetry.tracing.TracedWork;
import io.handoff.telemetry.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Posts {@code notify.slack} commands and reports every attempt on {@code handoff.deliveries}. A
 * command that cannot be delivered goes to {@code handoff.notify.slack.dlq} with the reason, after
 * its FAILED report, so an operator can replay it once the setup is fixed.
 */
@ApplicationScoped
public class NotifySlackConsumer {

    private static final Logger LOG = Logger.getLogger(NotifySlackConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final EscalationPoster poster;
    private final MutinyEmitter<DeliveryResult> deliveries;
    private final DeliveryMetrics metrics;
    private final Tracing tracing;

    public NotifySlackConsumer(EscalationPoster poster,
                               @Channel(Channels.DELIVERIES) MutinyEmitter<DeliveryResult> deliveries,
                               MeterRegistry registry, Tracing tracing) {
        this.poster = poster;
        this.tracing = tracing;
        this.deliveries = deliveries;
        this.metrics = new DeliveryMetrics(registry, DeliveryChannel.SLACK);
    }

    @Incoming(Channels.NOTIFY_SLACK)
    @Blocking(ordered = false)
    public void deliver(ConsumerRecord<String, String> record) throws InvalidEventException, SlackFailure {
        try (TracedWork work = tracing.receiving(record.topic(), record.headers())) {
            NotifySlack command = decoder.decode(record.value(), NotifySlack.class);
            work.attribute("handoff.escalation.id", command.escalation().escalationId())
                    .attribute("handoff.delivery.id", command.deliveryId());
            try (LogIds ids = LogIds.of(command)) {
                deliver(command);
            }
        }
    }

    private void deliver(NotifySlack command) throws SlackFailure {
        String escalationId = command.escalation().escalationId();
        String target = command.channel() == null || command.channel().isBlank() ? "(connected channel)" : command.channel();
        try {
            EscalationPoster.Posted posted = poster.deliver(command, (attempt, reason, wait) -> {
                LOG.infof("escalation %s to Slack %s: attempt %d failed (%s), next in %d ms",
                        escalationId, target, attempt, reason, wait.toMillis());
                report(command, target, DeliveryStatus.RETRYING, attempt,
                        reason + "; next attempt in " + wait.toSeconds() + "s");
            });
            LOG.infof("escalation %s to Slack %s: %s", escalationId, posted.channel(), posted.detail());
            report(command, posted.channel(), DeliveryStatus.DELIVERED, 1, posted.detail());
        } catch (SlackFailure failure) {
            LOG.warnf("escalation %s to Slack %s failed: %s", escalationId, target, failure.getMessage());
            report(command, target, DeliveryStatus.FAILED, 1, failure.getMessage());
            throw failure;
        }
    }

    private void report(NotifySlack command, String target, DeliveryStatus status, int attempt, String detail) {
        deliveries.sendMessageAndAwait(tracing.traced(KafkaRecord.of(command.escalation().escalationId(),
                DeliveryResult.of(command, DeliveryChannel.SLACK, target, status, attempt, detail))));
        metrics.attempted(command, status);
    }
}
