package io.handoff.telemetry;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * The dead-letter copy of one record that a batch consumer could not take: its key, value and headers
 * unchanged, plus the headers the channels' dead-letter strategy writes ({@code dead-letter-reason},
 * {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset}).
 *
 * <p>A channel that receives records in batches cannot leave a single bad record to the dead-letter
 * strategy: a nack applies to the whole batch. Its consumer sends each bad record's copy itself, and
 * waits for the broker to take it before the batch is acknowledged.
 */
public final class DeadLetterCopy {

    private DeadLetterCopy() {
    }

    public static Message<byte[]> of(ConsumerRecord<String, byte[]> record, String reason) {
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
