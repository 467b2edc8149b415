package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Reads {@code handoff.directives} in the background, as the upstream chat service does, and hands
 * every directive to {@link SimulatedConversations}. It starts at the end of the topic: the simulator
 * plays new conversations, and its memory starts empty anyway.
 */
final class DirectiveFeed implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final SimulatedConversations conversations;
    private final Thread thread;
    private volatile boolean running = true;

    private DirectiveFeed(KafkaConsumer<String, String> consumer, SimulatedConversations conversations) {
        this.consumer = consumer;
        this.conversations = conversations;
        this.thread = new Thread(this::run, "simulator-directives");
        this.thread.setDaemon(true);
    }

    /**
     * Returns once the consumer holds its position at the end of every partition, so a directive
     * produced after this call is never missed.
     */
    static DirectiveFeed start(String bootstrapServers, String topic, SimulatedConversations conversations) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy; asking for the positions fixes them now
            partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        DirectiveFeed feed = new DirectiveFeed(consumer, conversations);
        feed.thread.start();
        return feed;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    accept(record);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<String, String> record) {
        JsonNode directive;
        try {
            directive = record.value() == null ? null : EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            directive = null;
        }
        if (directive == null || !directive.isObject()) {
            System.err.println("simulator: skipped a record on " + record.topic() + " that is not a JSON object (offset "
                    + record.offset() + ")");
            return;
        }
        String conversationId = record.key() != null ? record.key() : directive.path("conversation").path("id").asText("");
        if (!conversationId.isEmpty()) {
            conversations.addDirective(conversationId, directive);
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
