package io.handoff.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The agents connected to this gateway instance, so that events from the log can be pushed to them: the
 * extension's {@link OpenConnections} of the agent endpoint, each with its {@link AgentConnection}.
 */
@ApplicationScoped
@Startup // the gauge is there from the start, not from the first event pushed
public class AgentConnections {

    private final OpenConnections open;

    public AgentConnections(OpenConnections open, MeterRegistry registry) {
        this.open = open;
        Gauge.builder("handoff.gateway.agent.connections", this, AgentConnections::count)
                .description("Agent WebSockets open on this instance")
                .register(registry);
    }

    /** How many agents are connected right now. */
    public int count() {
        return (int) agents().count();
    }

    void deliver(AgentEvents.Stored event) {
        agents().forEach(connection -> connection.deliver(event));
    }

    void typing(String chatbotId, String conversationId, String fromAgent, String frame) {
        agents().forEach(connection -> connection.typing(chatbotId, conversationId, fromAgent, frame));
    }

    /** Connections whose agent has been registered by {@link AgentSocket}; a handshake just finished may not be yet. */
    private Stream<AgentConnection> agents() {
        return open.stream()
                .filter(c -> AgentSocket.ENDPOINT_ID.equals(c.endpointId()) && c.isOpen())
                .map(AgentSocket::of)
                .filter(Objects::nonNull);
    }
}
