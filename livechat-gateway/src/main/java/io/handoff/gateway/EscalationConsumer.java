package io.handoff.gateway;

import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns {@code escalation.created} events into WAITING live-chat sessions and tells connected agents.
 *
 * <p>An invalid event is rejected with the reason; the channel's dead-letter strategy moves it to
 * {@code handoff.escalations.dlq} and consumption goes on. Processing is ordered (plain
 * {@code @Blocking}) because events of one conversation must be applied in the order they happened.
 *
 * <p>The session is stored before agents are told, and the record is acknowledged after both. A crash
 * in between means the redelivered escalation is recognised and not pushed again; agents still find it
 * in the queue snapshot they get when they (re)connect.
 */
@ApplicationScoped
public class EscalationConsumer {

    public static final String ESCALATIONS = "escalations";

    private static final Logger LOG = Logger.getLogger(EscalationConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final LiveChatSessions sessions;
    private final AgentConnections agents;

    public EscalationConsumer(LiveChatSessions sessions, AgentConnections agents) {
        this.sessions = sessions;
        this.agents = agents;
    }

    @Incoming(ESCALATIONS)
    @Blocking
    public void accept(String value) throws InvalidEventException {
        EscalationCreated escalation = decoder.decode(value, EscalationCreated.class);
        if (sessions.openWaiting(escalation)) {
            LOG.infof("escalation %s: conversation %s is waiting for an agent", escalation.escalationId(),
                    escalation.conversation().key());
            agents.escalationCreated(escalation);
        } else {
            LOG.debugf("escalation %s: already known or conversation %s already open; nothing to do",
                    escalation.escalationId(), escalation.conversation().key());
        }
    }
}
