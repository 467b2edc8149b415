package io.handoff.webhook;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.telemetry.LogIds;
import io.handoff.telemetry.tracing.TracedWork;
import io.handoff.telemetry.tracing.Tracing;
import io.handoff.webhook.delivery.WebhookDeliveries;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Makes the first attempt for each {@code notify.webhook} command.
 *
 * <p>A command that is not valid is rejected with the reason; the channel's dead-letter strategy then
 * moves it to {@code handoff.notify.webhook.dlq} and consumption goes on. Commands are handled
 * concurrently, so an endpoint that is slow to answer does not delay the others. The input is
 * acknowledged only after the outcome is recorded, so a crash repeats an attempt rather than losing it;
 * the delivery id stays the same, so receivers can drop the repeat.
 */
@ApplicationScoped
public class WebhookCommandConsumer {

    public static final String COMMANDS = "notify-webhook";

    private final EventDecoder decoder = new EventDecoder();
    private final WebhookDeliveries deliveries;
    private final Tracing tracing;

    public WebhookCommandConsumer(WebhookDeliveries deliveries, Tracing tracing) {
        this.deliveries = deliveries;
        this.tracing = tracing;
    }

    @Incoming(COMMANDS)
    @Blocking(ordered = false)
    public void deliver(ConsumerRecord<String, String> record) throws InvalidEventException {
        // the webhook request and the delivery report carry this span's trace context on
        try (TracedWork work = tracing.receiving(record.topic(), record.headers())) {
            NotifyWebhook command = decoder.decode(record.value(), NotifyWebhook.class);
            work.attribute("handoff.escalation.id", command.escalation().escalationId())
                    .attribute("handoff.delivery.id", command.deliveryId());
            try (LogIds ids = LogIds.of(command)) {
                deliveries.first(command);
            }
        }
    }
}
