package io.handoff.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The agents connected to this gateway instance, so that events from the log can be pushed to them. */
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

    void deliver(AgentEvents.Stored event) {
        for (AgentConnection connection : open) {
            connection.deliver(event);
        }
    }

    void typing(String chatbotId, String conversationId, String fromAgent, String frame) {
        for (AgentConnection connection : open) {
            connection.typing(chatbotId, conversationId, fromAgent, frame);
        }
    }
}
