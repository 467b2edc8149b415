package io.handoff.events.escalation;

/**
 * One reason to hand a conversation to a human, with how strongly it fired and what made it fire.
 *
 * @param type     one of the names in {@link SignalType}; the names are part of the public contract
 * @param score    0..1
 * @param evidence the words or rule that fired, shown to agents and owners
 */
public record Signal(String type, double score, String evidence) {
}
