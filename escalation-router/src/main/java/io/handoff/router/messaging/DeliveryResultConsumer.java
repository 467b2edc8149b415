package io.handoff.router.messaging;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.router.persistence.EscalationRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the latest outcome of every delivery, so an escalation's notification state can be told. */
@ApplicationScoped
public class DeliveryResultConsumer {

    private final EventDecoder decoder = new EventDecoder();
    private final EscalationRepository escalations;

    public DeliveryResultConsumer(EscalationRepository escalations) {
        this.escalations = escalations;
    }

    @Incoming(Channels.DELIVERIES)
    @Blocking
    public void record(String value) throws InvalidEventException {
        escalations.recordDelivery(decoder.decode(value, DeliveryResult.class));
    }
}
