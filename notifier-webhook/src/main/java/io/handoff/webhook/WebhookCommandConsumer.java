package io.handoff.webhook;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.telemetry.LogIds;
import io.handoff.webhook.delivery.WebhookDeliveries;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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

    public WebhookCommandConsumer(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Incoming(COMMANDS)
    @Blocking(ordered = false)
    public void deliver(String value) throws InvalidEventException {
        NotifyWebhook command = decoder.decode(value, NotifyWebhook.class);
        try (LogIds ids = LogIds.of(command)) {
            deliveries.first(command);
        }
    }
}
