package io.handoff.telemetry;

import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands the valid events of a batch of {@code chat.conversation-events} records (a Kafka channel with
 * {@code batch=true}) to a handler, in order, and copies each invalid one to the dead-letter topic with
 * the reason.
 *
 * <p>A nack applies to a whole batch, so a bad record cannot be left to the channel's dead-letter
 * strategy: it would take the good records of the batch with it. The copy keeps the record's key, value
 * and headers and adds {@code dead-letter-reason}, {@code dead-letter-topic},
 * {@code dead-letter-partition} and {@code dead-letter-offset}; the broker has taken it before the next
 * record is handled, so acknowledging the batch afterwards loses nothing. An exception from the handler
 * (a database failure) fails the batch, and the channel's dead-letter strategy takes its records.
 */
public final class ConversationEventBatch {

    private static final Logger LOG = Logger.getLogger(ConversationEventBatch.class);

    private final EventDecoder decoder = new EventDecoder();
    private final MutinyEmitter<byte[]> deadLetters;
    private final DeadLetterMetrics deadLetterMetrics;

    /** @param deadLetters an outgoing channel to the dead-letter topic, with a byte-array serializer */
    public ConversationEventBatch(MutinyEmitter<byte[]> deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.deadLetterMetrics = new DeadLetterMetrics(registry);
    }

    /** Values are decoded as UTF-8 text, as a channel with a string deserializer would. */
    public void forEach(ConsumerRecords<String, byte[]> batch, Consumer<ConversationEvent> handler) {
        for (ConversationEvent event : decode(batch)) {
            try (LogIds ids = LogIds.of(event)) {
                handler.accept(event);
            }
        }
    }

    /**
     * The valid events of the batch, in order, for a handler that takes them together; each invalid
     * record is on the dead-letter topic when this returns.
     */
    public List<ConversationEvent> decode(ConsumerRecords<String, byte[]> batch) {
        List<ConversationEvent> events = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                events.add(decoder.decode(record.value(), ConversationEvent.class));
            } catch (InvalidEventException e) {
                LOG.warnf("record with key %s sent to the dead-letter topic: %s", record.key(), e.getMessage());
                deadLetters.sendMessageAndAwait(deadLetterCopy(record, e.getMessage()));
                deadLetterMetrics.written(record.topic());
            }
        }
        return events;
    }

    static Message<byte[]> deadLetterCopy(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build());
    }
}
