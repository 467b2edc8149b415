package io.handoff.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.handoff.events.json.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its beginning for as long as a test runs, the way an outside consumer would
 * (committed records only, no consumer group), so a test can look at everything written to it so
 * far without reading the topic again. Values are kept as the bytes on the topic. The consumer
 * reconnects by itself, also across a broker restart.
 */
final class TopicFollower implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private TopicFollower(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // the poison test writes a record of about 1 MB to the dead-letter topics
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(props);
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        this.thread = new Thread(this::follow, "follow-" + topic);
        thread.setDaemon(true);
    }

    static TopicFollower start(String bootstrapServers, String topic) {
        TopicFollower follower = new TopicFollower(bootstrapServers, topic);
        follower.thread.start();
        return follower;
    }

    private void follow() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    String topic() {
        return topic;
    }

    List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> match) {
        return records.stream().filter(match).toList();
    }

    /** Waits until at least {@code count} records read so far match, and returns all that match. */
    List<ConsumerRecord<String, byte[]>> awaitMatching(Predicate<ConsumerRecord<String, byte[]>> match, int count,
                                                       Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .alias(count + " record(s) on " + topic)
                .until(() -> matching(match).size() >= count);
        return matching(match);
    }

    /**
     * The value as JSON; a missing node for a value that is not JSON (the poison test writes such
     * records to topics that tests also read escalations and reports from).
     */
    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return MissingNode.getInstance();
        }
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
