package io.handoff.gateway;

import io.handoff.events.AgentRef;

import java.time.Instant;

/**
 * A signed-in agent: who they are, which chatbots' conversations they serve, and when their token runs
 * out (the connection is closed then; null when the token has no expiry).
 */
public record Agent(String id, String name, ChatbotScope scope, Instant tokenExpiresAt) {

    public AgentRef ref() {
        return new AgentRef(id, name);
    }
}
