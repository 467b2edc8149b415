package io.handoff.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents connected to this gateway instance, so that events from Kafka can be pushed to them.
 *
 * <p>Each escalation reaches one gateway instance (one consumer group), so with several instances an
 * agent only sees live the escalations its own instance consumed; the queue snapshot on connect is
 * read from the shared database and is complete.
 */
@ApplicationScoped
public class AgentConnections {

    private final Set<AgentConnection> open = ConcurrentHashMap.newKeySet();

    public AgentConnections(MeterRegistry registry) {
        Gauge.builder("handoff.gateway.agent.connections", open, Set::size)
                .description("Agent WebSockets open on this instance")
                .register(registry);
    }

    void add(AgentConnection connection) {
        open.add(connection);
    }

    void remove(AgentConnection connection) {
        open.remove(connection);
    }

    /** How many agents are connected right now. */
    public int count() {
        return open.size();
    }

    /** Pushes a newly stored escalation to every connected agent. */
    public void escalationCreated(EscalationCreated escalation) {
        JsonNode json = EventJson.mapper().valueToTree(escalation);
        String frame = AgentFrame.escalationCreated(json).toJson();
        for (AgentConnection connection : open) {
            connection.escalationCreated(escalation.escalationId(), frame);
        }
    }
}
