package io.handoff.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Counts in {@link DeadLetterMetrics} the records that the Kafka channels' dead-letter strategy writes.
 *
 * <p>An interceptor without an identifier applies to every incoming channel. It hears of a nack only
 * once the failure strategy has handled it, that is once the record is on the dead-letter topic; every
 * incoming channel of the services uses the {@code dead-letter-queue} strategy, so each nack is one
 * dead-letter record, whatever the reason (an invalid event, a refused command, a database error).
 *
 * <p>A service picks it up by indexing this module ({@code quarkus.index-dependency.telemetry.*} in its
 * {@code application.properties}).
 */
@ApplicationScoped
public class DeadLetterCounter implements IncomingInterceptor {

    private final DeadLetterMetrics metrics;

    public DeadLetterCounter(MeterRegistry registry) {
        this.metrics = new DeadLetterMetrics(registry);
    }

    @Override
    public void onMessageAck(Message<?> message) {
        // processed: nothing to count
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(record -> metrics.written(record.getTopic()));
    }
}
