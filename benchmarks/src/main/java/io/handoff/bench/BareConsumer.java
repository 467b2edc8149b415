package io.handoff.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The yardstick for the detector: a plain {@link KafkaConsumer} with default fetch settings that
 * reads a range of records and does nothing with them (bytes in, no deserialization, no commits).
 */
final class BareConsumer {

    /** How many records were read and how long it took from the first poll that returned records to the last. */
    record Read(long records, long nanos) {
        double rate() {
            return records / (nanos / 1e9);
        }
    }

    private BareConsumer() {
    }

    /**
     * Reads every record from {@code from} (inclusive) to {@code to} (exclusive) on each partition.
     * Nothing else may write to these partitions meanwhile: it counts records, it does not look at them.
     */
    static Read read(String bootstrapServers, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long expected = to.entrySet().stream().mapToLong(e -> e.getValue() - from.get(e.getKey())).sum();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long records = 0;
            long start = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + records + " of " + expected + " records within " + timeout);
                }
                int polled = consumer.poll(Duration.ofMillis(200)).count();
                if (polled > 0 && start == 0) {
                    start = System.nanoTime();
                }
                records += polled;
            }
            return new Read(records, System.nanoTime() - start);
        }
    }
}
