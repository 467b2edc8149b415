package io.handoff.gateway;

import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.telemetry.LogIds;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns {@code escalation.created} events into WAITING conversations. The conversation and the event
 * that tells agents are stored together; every gateway instance then pushes it to its agents.
 *
 * <p>An invalid event is rejected with the reason; the channel's dead-letter strategy moves it to
 * {@code handoff.escalations.dlq} and consumption goes on. Processing is ordered (plain
 * {@code @Blocking}) because events of one conversation must be applied in the order they happened.
 */
@ApplicationScoped
public class EscalationConsumer {

    public static final String ESCALATIONS = "escalations";

    private static final Logger LOG = Logger.getLogger(EscalationConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final LiveChatSessions sessions;

    public EscalationConsumer(LiveChatSessions sessions) {
        this.sessions = sessions;
    }

    @Incoming(ESCALATIONS)
    @Blocking
    public void accept(String value) throws InvalidEventException {
        EscalationCreated escalation = decoder.decode(value, EscalationCreated.class);
        try (LogIds ids = LogIds.of(escalation)) {
            if (sessions.openWaiting(escalation)) {
                LOG.infof("escalation %s: conversation %s is waiting for an agent", escalation.escalationId(),
                        escalation.conversation().key());
            } else {
                LOG.debugf("escalation %s: already known or conversation %s already open; nothing to do",
                        escalation.escalationId(), escalation.conversation().key());
            }
        }
    }
}
