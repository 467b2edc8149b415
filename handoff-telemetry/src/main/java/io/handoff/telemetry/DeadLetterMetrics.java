package io.handoff.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code handoff.dlq.records} ({@code handoff_dlq_records_total} in Prometheus): records written to a
 * dead-letter topic, tagged with the {@code topic} they were read from. Every writer of a dead-letter
 * record counts here, whether the channel's dead-letter strategy wrote it ({@link DeadLetterCounter})
 * or the service itself (the detector's invalid input, the notifiers' deliveries that failed for good).
 */
public final class DeadLetterMetrics {

    public static final String NAME = "handoff.dlq.records";

    private final MeterRegistry registry;

    public DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One record read from {@code sourceTopic} was written to its dead-letter topic. */
    public void written(String sourceTopic) {
        Counter.builder(NAME)
                .description("Records written to a dead-letter topic, by the topic they were read from")
                .tag("topic", sourceTopic)
                .register(registry)
                .increment();
    }
}
