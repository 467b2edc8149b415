package io.handoff.webhook;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifyWebhook;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;


/**
 * Delivers {@code notify.webhook} commands and reports each outcome on {@code handoff.deliveries}.
 *
 * <p>A command that is not valid is rejected with the reason; the channel's dead-letter strategy then
 * moves it to {@code handoff.notify.webhook.dlq} and consumption goes on. The input is acknowledged
 * only after the report is on the broker, so a crash repeats a delivery rather than losing it; the
 * delivery id stays the same, so receivers can drop the repeat.
 */
@ApplicationScoped
public class WebhookCommandConsumer {

    public static final String COMMANDS = "notify-webhook";
    public static final String DELIVERIES = "deliveries";

    private static final Logger LOG = Logger.getLogger(WebhookCommandConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final WebhookSender sender;
    private final MutinyEmitter<DeliveryResult> deliveries;

    public WebhookCommandConsumer(WebhookSender sender, @Channel(DELIVERIES) MutinyEmitter<DeliveryResult> deliveries) {
        this.sender = sender;
        this.deliveries = deliveries;
    }

    @Incoming(COMMANDS)
    @Blocking(ordered = false)
    public void deliver(String value) throws InvalidEventException {
        NotifyWebhook command = decoder.decode(value, NotifyWebhook.class);
        WebhookAttempt attempt = sender.send(command);
        String escalationId = command.escalation().escalationId();
        if (attempt.delivered()) {
            LOG.infof("webhook %s for escalation %s delivered (%s)", command.deliveryId(), escalationId, attempt.detail());
        } else {
            LOG.warnf("webhook %s for escalation %s failed: %s", command.deliveryId(), escalationId, attempt.detail());
        }
        DeliveryResult result = DeliveryResult.of(command, DeliveryChannel.WEBHOOK, command.url(),
                attempt.delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED, 1, attempt.detail());
        deliveries.sendMessageAndAwait(KafkaRecord.of(escalationId, result));
    }
}
