package io.handoff.events;

/** A support agent as shown to the visitor. */
public record AgentRef(String id, String name) {
}
