package io.handoff.bench;

import io.handoff.bench.ConversationTraffic.TrafficEvent;
import io.handoff.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays the upstream chat service's producer: one {@link KafkaProducer} (acks=all, batching with the
 * Kafka 4 default linger of 5 ms) that sends prepared events to {@code chat.conversation-events}, paced to a rate or
 * as fast as it can.
 */
final class TrafficProducer implements AutoCloseable {

    /** Called for every event just before it is handed to the producer, with its {@code occurredAt}. */
    interface SendListener {
        void onSend(int index, TrafficEvent event, Instant at);
    }

    /** How many events were sent and how long that took, from the first send to the last acknowledgement. */
    record Sent(long count, long nanos) {
        double rate() {
            return count / (nanos / 1e9);
        }
    }

    static final int LINGER_MS = 5;

    private final KafkaProducer<String, String> producer;
    private final AtomicLong failed = new AtomicLong();
    private volatile long sent;

    TrafficProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        this.producer = new KafkaProducer<>(props);
    }

    /**
     * Sends {@code events} at {@code perSecond}. Each event has its due time on a fixed schedule from
     * the first one, so a stall (a full buffer, a pause of this JVM) is caught up afterwards rather
     * than silently lowering the load, and the load does not wait for the pipeline to answer.
     */
    Sent paced(List<TrafficEvent> events, double perSecond, SendListener listener) {
        double nanosPerEvent = 1e9 / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            long wait = start + (long) (i * nanosPerEvent) - System.nanoTime();
            if (wait > 50_000) {
                LockSupport.parkNanos(wait);
            }
            send(i, events.get(i), listener);
        }
        producer.flush();
        return new Sent(events.size(), System.nanoTime() - start);
    }

    /** Sends {@code events} as fast as the producer takes them. */
    Sent asFastAsPossible(List<TrafficEvent> events) {
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            send(i, events.get(i), null);
        }
        producer.flush();
        return new Sent(events.size(), System.nanoTime() - start);
    }

    private void send(int index, TrafficEvent event, SendListener listener) {
        Instant at = Instant.now();
        if (listener != null) {
            listener.onSend(index, event, at);
        }
        producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, event.key(), event.value(at)), (metadata, e) -> {
            if (e != null) {
                failed.incrementAndGet();
            }
        });
        sent++;
    }

    /** Events handed to the producer so far; read by the progress report while a phase runs. */
    long sent() {
        return sent;
    }

    /** Sends that the broker did not acknowledge. */
    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
