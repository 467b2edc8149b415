package io.handoff.events;

/** One message in a conversation, as the upstream chat service reports it. */
public record ChatMessage(String id, MessageRole role, String text) {
}
