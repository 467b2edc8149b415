package io.handoff.bench;

import io.handoff.detector.stream.BoundedRocksDbMemory;
import io.handoff.detector.stream.DetectorStreams;
import io.handoff.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kafka Streams itself, without the detector's work, on the detector's topic: the most any detector built
 * on it could reach on this machine. Two layouts:
 *
 * <ul>
 *   <li>{@link Layout#PASS_THROUGH}: a processor that does nothing with a record, no store, at least once;</li>
 *   <li>{@link Layout#DETECTOR_SETTINGS}: the detector's settings (exactly-once, commit once a second, lz4, the
 *       16 MiB record cache, a persistent RocksDB store with its changelog under the same memory budget), and a
 *       processor that reads the record's conversation state and writes a new one, the record itself. The
 *       detector's real states, with their recent window, are larger.</li>
 * </ul>
 *
 * It runs in this JVM and counts the records its processor has taken ({@link #processed}): at over 100,000 records
 * a second, the offsets it commits once a second are too coarse to time it by.
 */
final class StreamsFloor {

    enum Layout {
        PASS_THROUGH("Kafka Streams, no store, at least once"),
        DETECTOR_SETTINGS("Kafka Streams, read + write a state per record");

        final String label;

        Layout(String label) {
            this.label = label;
        }
    }

    private static final String STORE = "floor-states";

    /** Records processed by the running application; one stream thread writes it. */
    private static final AtomicLong PROCESSED = new AtomicLong();

    private StreamsFloor() {
    }

    /** Starts the application; the caller times it by the group {@code applicationId} and closes it. */
    static KafkaStreams start(Layout layout, String bootstrapServers, String applicationId, Path stateDir) {
        PROCESSED.set(0);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(UUID.randomUUID().toString()).toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.CONVERSATION_EVENTS);
        if (layout == Layout.PASS_THROUGH) {
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
            topology.addProcessor("nothing", Nothing::new, "in");
        } else {
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.putAll(DetectorStreams.tuning());
            // the detector's default budget (handoff.detector.rocksdb-memory)
            props.put(BoundedRocksDbMemory.BUDGET_BYTES, Long.toString(64L * 1024 * 1024));
            topology.addProcessor("rewrite-state", StateRewriter::new, "in");
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                    Serdes.ByteArray()).withCachingEnabled(), "rewrite-state");
        }
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        return streams;
    }

    static long processed() {
        return PROCESSED.get();
    }

    static void close(KafkaStreams streams) {
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
    }

    /** Takes a record and does nothing with it. */
    private static final class Nothing implements Processor<String, byte[], Void, Void> {

        @Override
        public void process(Record<String, byte[]> record) {
            PROCESSED.lazySet(PROCESSED.get() + 1);
        }
    }

    /** Reads the record's conversation state and replaces it, as the detector does, with no decision between. */
    private static final class StateRewriter implements Processor<String, byte[], Void, Void> {

        private KeyValueStore<String, byte[]> states;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            states = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            states.get(record.key());
            states.put(record.key(), record.value());
            PROCESSED.lazySet(PROCESSED.get() + 1);
        }
    }
}
