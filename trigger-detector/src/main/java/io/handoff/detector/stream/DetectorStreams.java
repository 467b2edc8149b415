package io.handoff.detector.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.handoff.events.settings.ChatbotSettings;
import io.handoff.telemetry.tracing.Tracing;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the detector topology for the life of the application. On an unexpected error the stream
 * thread is replaced rather than the application dying, so one poisoned state does not stop detection.
 */
@ApplicationScoped
public class DetectorStreams {

    private static final Logger LOG = Logger.getLogger(DetectorStreams.class);

    private final DetectorConfig config;
    private final String bootstrapServers;
    private final Map<String, Object> kafkaConfig;
    private final DetectorMetrics metrics;
    private final MeterRegistry registry;
    private final Tracing tracing;
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    /**
     * @param kafkaConfig every {@code kafka.*} property (prefix removed, environment variables such as
     *                    {@code KAFKA_SECURITY_PROTOCOL} included), as the Kafka clients of the other
     *                    services receive it; only its security settings are used
     */
    public DetectorStreams(DetectorConfig config,
                           @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                           DetectorMetrics metrics, MeterRegistry registry, Tracing tracing) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.kafkaConfig = kafkaConfig;
        this.metrics = metrics;
        this.registry = registry;
        this.tracing = tracing;
    }

    void start(@Observes StartupEvent event) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // TLS and SASL, configured like every other service's Kafka clients (KAFKA_SECURITY_PROTOCOL, ...)
        props.putAll(KafkaSecurityProperties.of(kafkaConfig));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putAll(tuning());
        props.put(BoundedRocksDbMemory.BUDGET_BYTES, Long.toString(config.rocksdbMemory().asLongValue()));
        props.putAll(config.streamsOverrides());
        streams = new KafkaStreams(DetectorTopology.build(config.topics(), config.windowSize(), config.timerInterval(),
                metrics, tracing), props);
        // the Kafka Streams, consumer and producer metrics (lag, records consumed and sent per topic) on /q/metrics,
        // under the same names as the other services' Kafka clients
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
    }

    /**
     * The Kafka Streams settings the detector sets for its throughput and latency, beside the
     * application's identity, guarantee and memory budget; the detector benchmark gives them to Kafka
     * Streams alone too.
     */
    public static Properties tuning() {
        Properties tuning = new Properties();
        // each commit stops the stream thread until the broker has acknowledged the changelog records written at the
        // commit, the consumed offsets and the end of the transaction. At Kafka Streams' exactly-once default of 100 ms,
        // its waits of over 10 ms added up to 4% of its time and were its longest delays (up to 123 ms). What the
        // detector produces is readable at once anyway (see linger below), so it commits once a second
        tuning.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // each message rewrites its conversation's state (the recent window) to the changelog; compressed,
        // the broker stores and replicates a fraction of it (about a fifth more messages per second measured)
        tuning.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // an escalation or an offer is sent within a few milliseconds, not held back for Kafka Streams' default linger
        // of 100 ms: the router and the gateway read records as soon as they are written, without waiting for the
        // transaction to commit (an aborted one's escalation comes again with the same id, and is handled once)
        tuning.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        // the record cache in front of the conversation store: a state read again before it is evicted is not read
        // from RocksDB (see DetectorTopology). It is on the heap, so it is kept well inside the detector's heap in
        // Kubernetes (half of its 512 MiB limit: MaxRAMPercentage=50)
        tuning.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16L * 1024 * 1024);
        // RocksDB's native memory, under one budget for all the stores (BoundedRocksDbMemory)
        tuning.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        return tuning;
    }

    void stop(@Observes ShutdownEvent event) {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
    }

    /**
     * The settings this instance applies to a chatbot's next message, read from the global store;
     * the defaults when the chatbot has none or the store is not ready yet.
     */
    public ChatbotSettings settingsOf(String chatbotId) {
        if (streams == null || state() != KafkaStreams.State.RUNNING) {
            return ChatbotSettings.defaults();
        }
        try {
            ReadOnlyKeyValueStore<String, ChatbotSettings> store = streams.store(StoreQueryParameters.fromNameAndType(
                    DetectorTopology.SETTINGS_STORE, QueryableStoreTypes.<String, ChatbotSettings>keyValueStore()));
            ChatbotSettings settings = store.get(chatbotId);
            return settings == null ? ChatbotSettings.defaults() : settings;
        } catch (InvalidStateStoreException e) {
            return ChatbotSettings.defaults();
        }
    }

    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }
}
