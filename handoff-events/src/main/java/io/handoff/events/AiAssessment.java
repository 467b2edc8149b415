package io.handoff.events;

/**
 * The upstream AI's own view of an answer it gave, carried on assistant messages.
 *
 * @param confidence       0..1, how sure the AI is of its answer; null when unknown
 * @param handoffSuggested true when the AI itself says a human should take over
 */
public record AiAssessment(Double confidence, Boolean handoffSuggested) {
}
