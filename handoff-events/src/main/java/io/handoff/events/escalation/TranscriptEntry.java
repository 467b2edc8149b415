package io.handoff.events.escalation;

import io.handoff.events.MessageRole;

import java.time.Instant;

/** One line of the conversation so far, so that the agent never has to ask the visitor to repeat. */
public record TranscriptEntry(MessageRole role, String text, Instant at) {
}
