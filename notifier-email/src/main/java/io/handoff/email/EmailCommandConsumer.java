package io.handoff.email;

import io.handoff.email.alert.AlertDeliveries;
import io.handoff.email.config.EmailConfig;
import io.handoff.email.delivery.EmailDeliveries;
import io.handoff.email.ledger.DeliveredLedger;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.EmailCommand;
import io.handoff.events.notify.NotifyAlert;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.telemetry.LogIds;
import io.handoff.telemetry.tracing.TracedWork;
import io.handoff.telemetry.tracing.Tracing;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads {@code notify.email} commands and {@code notify.alert} alerts to a chatbot's admins, and has them
 * delivered.
 *
 * <p>Commands are handled concurrently on the {@code email-sender} worker pool, so a recipient whose
 * retries take minutes does not delay other escalations. A command is acknowledged only when it is
 * completely handled; an invalid one is nacked with the reason, and the channel's dead-letter strategy
 * moves it to {@code handoff.notify.email.dlq}. When the process stops in the middle of retries, the
 * record is neither acknowledged nor nacked: its offset is not committed, and the next consumer of the
 * partition gets the command again.
 */
@ApplicationScoped
public class EmailCommandConsumer {

    public static final String COMMANDS = "notify-email";

    private static final Logger LOG = Logger.getLogger(EmailCommandConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final EmailDeliveries deliveries;
    private final AlertDeliveries alerts;
    private final DeliveredLedger ledger;
    private final Duration catchUpTimeout;
    private final Tracing tracing;

    public EmailCommandConsumer(EmailDeliveries deliveries, AlertDeliveries alerts, DeliveredLedger ledger,
                                EmailConfig config, Tracing tracing) {
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.tracing = tracing;
        this.ledger = ledger;
        this.catchUpTimeout = config.ledger().catchUpTimeout();
    }

    @Incoming(COMMANDS)
    @Blocking(value = "email-sender", ordered = false)
    public CompletionStage<Void> deliver(Message<String> message) {
        try (TracedWork work = tracing.receivingMessage(message)) {
            return traced(message, work);
        }
    }

    private CompletionStage<Void> traced(Message<String> message, TracedWork work) {
        EmailCommand command;
        try {
            command = decoder.decode(message.getPayload(), EmailCommand.class);
            if (command.recipients().stream().allMatch(r -> r == null || r.isBlank())) {
                throw new InvalidEventException(command.type() + " has no recipients");
            }
        } catch (InvalidEventException e) {
            work.failed(e);
            return message.nack(e);
        }
        work.attribute("handoff.delivery.id", command.deliveryId());
        if (command instanceof NotifyEmail email) {
            work.attribute("handoff.escalation.id", email.escalation().escalationId());
            try (LogIds ids = LogIds.of(email)) {
                return deliver(message, command);
            }
        }
        try (LogIds ids = LogIds.of(((NotifyAlert) command).chatbotId(), null, null)) {
            return deliver(message, command);
        }
    }

    private CompletionStage<Void> deliver(Message<String> message, EmailCommand command) {
        try {
            // Until the ledger knows what earlier runs sent, a redelivered command would be sent again.
            if (!ledger.awaitCaughtUp(catchUpTimeout)) {
                LOG.warnf("the delivery ledger has not caught up within %s; handling commands without it", catchUpTimeout);
            }
            if (command instanceof NotifyEmail email) {
                deliveries.deliver(email);
            } else {
                alerts.deliver((NotifyAlert) command);
            }
            return message.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.infof("stopping: email %s is left unacknowledged and will be delivered again", command.deliveryId());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "email %s could not be handled", command.deliveryId());
            return message.nack(e);
        }
    }
}
