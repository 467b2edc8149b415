package io.handoff.router.messaging;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.router.persistence.EscalationRepository;
import io.handoff.router.service.RouterMetrics;
import io.handoff.router.service.WebhookHealth;
import io.handoff.telemetry.LogIds;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the latest outcome of every delivery, so an escalation's notification state can be told, and
 * passes webhook reports on to {@link WebhookHealth}.
 */
@ApplicationScoped
public class DeliveryResultConsumer {

    private final EventDecoder decoder = new EventDecoder();
    private final EscalationRepository escalations;
    private final RouterMetrics metrics;
    private final WebhookHealth webhookHealth;

    public DeliveryResultConsumer(EscalationRepository escalations, RouterMetrics metrics, WebhookHealth webhookHealth) {
        this.escalations = escalations;
        this.webhookHealth = webhookHealth;
        this.metrics = metrics;
    }

    @Incoming(Channels.DELIVERIES)
    @Blocking
    public void record(String value) throws InvalidEventException {
        DeliveryResult result = decoder.decode(value, DeliveryResult.class);
        try (LogIds ids = LogIds.of(null, null, result.escalationId())) {
            escalations.recordDelivery(result);
            metrics.deliveryReported(result);
            webhookHealth.reported(result);
        }
    }
}
