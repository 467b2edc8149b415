package io.handoff.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * Why the gateway closed agent connections itself, counted: operators see floods, agents who stopped
 * reading and expired tokens ({@code handoff_gateway_agent_connections_closed_total{reason}}).
 */
@ApplicationScoped
public class ConnectionClosings {

    /** A reason, with the WebSocket close code and the short reason text the agent gets. */
    public enum Reason {
        /** A frame larger than the protocol allows. */
        FRAME_TOO_LARGE((short) 1009, "frame too large"),
        /** More commands waiting than the connection may queue. */
        FLOOD((short) 1008, "too many commands waiting"),
        /** The agent's side does not take what is sent to it. */
        NOT_READING((short) 1008, "not reading"),
        /** The token the connection was opened with ran out; connect again with a new one. */
        TOKEN_EXPIRED((short) 4001, "token expired");

        private final short code;
        private final String text;

        Reason(short code, String text) {
            this.code = code;
            this.text = text;
        }

        public short code() {
            return code;
        }

        public String text() {
            return text;
        }

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    public ConnectionClosings(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder("handoff.gateway.agent.connections.closed")
                    .description("Agent WebSockets the gateway closed, by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
    }

    void closed(Reason reason) {
        counters.get(reason).increment();
    }
}
