package io.handoff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each conversation's escalation and notify commands became readable on their topics, as a
 * consumer with the services' own isolation level (read_uncommitted, the Kafka default that they keep)
 * sees them. Splits the end-to-end time into hops: detector, router, notifier. The time is taken when
 * a poll returns the record, so it is an upper bound of when the next service could have read it.
 */
final class TopicArrivals implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Map<String, Instant>> seen = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    /** Starts reading {@code topics} from their current ends: only what is produced from now on counts. */
    TopicArrivals(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            seen.put(topic, new ConcurrentHashMap<>());
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is produced
        reader = new Thread(this::readWhileRunning, "topic-arrivals");
        reader.setDaemon(true);
        reader.start();
    }

    /** When the first record about {@code conversationId} became readable on {@code topic}. */
    Instant seen(String topic, String conversationId) {
        return seen.get(topic).get(conversationId);
    }

    int count(String topic) {
        return seen.get(topic).size();
    }

    private void readWhileRunning() {
        try {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                Instant at = Instant.now();
                for (ConsumerRecord<String, String> record : records) {
                    String conversation = conversationOf(record.value());
                    if (conversation != null) {
                        seen.get(record.topic()).putIfAbsent(conversation, at);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** The conversation id an escalation or a notify command is about (the command nests the escalation). */
    private static String conversationOf(String json) {
        try {
            JsonNode conversation = EventJson.mapper().readTree(json).findValue("conversation");
            return conversation == null || !conversation.has("id") ? null : conversation.get("id").asText();
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
