package io.handoff.detector.flow;

import io.handoff.detector.policy.Action;
import io.handoff.detector.stream.ConversationState;
import io.handoff.events.escalation.Signal;

import java.util.List;

/**
 * The outcome of applying one event: the new state, the signals the event raised, and what to do.
 *
 * @param trigger the signal behind the action, or null for {@link Action#NONE}
 */
public record Step(ConversationState state, List<Signal> signals, Action action, Signal trigger) {

    static Step none(ConversationState state, List<Signal> signals) {
        return new Step(state, signals, Action.NONE, null);
    }
}
