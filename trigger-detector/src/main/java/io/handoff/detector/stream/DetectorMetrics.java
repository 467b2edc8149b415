package io.handoff.detector.stream;

import io.handoff.detector.flow.Step;
import io.handoff.detector.policy.Action;
import io.handoff.events.escalation.Signal;
import io.handoff.telemetry.DeadLetterMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the detector decides, as metrics (docs/operations.md lists them with their Prometheus names):
 * conversations followed, events processed by type, signals fired by type, decisions by action,
 * escalations by trigger type and offers declined. No tag names a chatbot or a conversation, so the number of series stays small
 * whatever the traffic.
 *
 * <p>Counted as the stream task processes a record. Under exactly-once, a record processed again after
 * a failed transaction is counted again, although its output is written once.
 */
@ApplicationScoped
public class DetectorMetrics {

    private final MeterRegistry registry;
    private final DeadLetterMetrics deadLetters;
    private final Map<Action, Counter> decisions = new EnumMap<>(Action.class);
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Counter> signals = new ConcurrentHashMap<>();
    private final Map<String, Counter> escalations = new ConcurrentHashMap<>();
    private final Counter declined;
    private final Counter conversations;

    public DetectorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.deadLetters = new DeadLetterMetrics(registry);
        for (Action action : Action.values()) {
            decisions.put(action, Counter.builder("handoff.detector.decisions")
                    .description("What the detector decided after an event or a timer, by action")
                    .tag("action", action.json())
                    .register(registry));
        }
        this.conversations = Counter.builder("handoff.detector.conversations")
                .description("Conversations the detector began to follow: the first event of one it held no state for")
                .register(registry);
        this.declined = Counter.builder("handoff.detector.offers.declined")
                .description("Offers, contact and problem requests the visitor declined")
                .register(registry);
    }

    /** A conversation event of this {@code type} was read and applied. */
    void processed(String type) {
        events.computeIfAbsent(type, t -> Counter.builder("handoff.detector.events")
                .description("Conversation events processed, by type")
                .tag("type", t)
                .register(registry)).increment();
    }

    /** The first event of a conversation: the denominator of the escalation rate. */
    void conversationStarted() {
        conversations.increment();
    }

    /** Signals a message (or the no-resolution timer) raised; counted once, where they fire. */
    void fired(List<Signal> fired) {
        for (Signal signal : fired) {
            signals.computeIfAbsent(signal.type(), t -> Counter.builder("handoff.detector.signals")
                    .description("Signals fired on conversations, by type")
                    .tag("type", t)
                    .register(registry)).increment();
        }
    }

    /** What was decided after one event or timer and, for an escalation, on which trigger. */
    void decided(Step step) {
        decisions.get(step.action()).increment();
        if (step.action() == Action.ESCALATE) {
            escalations.computeIfAbsent(step.trigger().type(), t -> Counter.builder("handoff.detector.escalations")
                    .description("Escalations created, by the type of the signal that triggered them")
                    .tag("trigger", t)
                    .register(registry)).increment();
        }
    }

    /** The visitor said no to a pending offer (or to a request for their problem or contact details). */
    void declined() {
        declined.increment();
    }

    /** A record read from {@code sourceTopic} went to its dead-letter topic. */
    void deadLettered(String sourceTopic) {
        deadLetters.written(sourceTopic);
    }
}
