package io.handoff.gateway;

import io.handoff.events.AgentRef;

/** A signed-in agent: who they are and which chatbots' conversations they serve. */
public record Agent(String id, String name, ChatbotScope scope) {

    public AgentRef ref() {
        return new AgentRef(id, name);
    }
}
