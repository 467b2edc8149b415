package io.handoff.telemetry;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationEventBatchTest {

    @Test
    void theDeadLetterCopyKeepsTheRecordAsItWasAndSaysWhyAndWhereItCameFrom() {
        byte[] value = {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        RecordHeaders original = new RecordHeaders();
        original.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("chat.conversation-events", 2, 4711L, 0L,
                TimestampType.CREATE_TIME, 0, value.length, "456", value, original, Optional.empty());

        Message<byte[]> copy = ConversationEventBatch.deadLetterCopy(record, "malformed JSON: unexpected end-of-input");

        assertThat(copy.getPayload()).isSameAs(value);
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> metadata = copy.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(metadata.getKey()).isEqualTo("456");
        Headers headers = metadata.getHeaders();
        assertThat(text(headers, "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(text(headers, "dead-letter-reason")).isEqualTo("malformed JSON: unexpected end-of-input");
        assertThat(text(headers, "dead-letter-topic")).isEqualTo("chat.conversation-events");
        assertThat(text(headers, "dead-letter-partition")).isEqualTo("2");
        assertThat(text(headers, "dead-letter-offset")).isEqualTo("4711");
        assertThat(metadata.getTopic()).as("the channel's topic, the dead-letter topic, is used").isNull();
        assertThat(original.toArray()).as("the consumed record's headers are left alone").hasSize(1);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
