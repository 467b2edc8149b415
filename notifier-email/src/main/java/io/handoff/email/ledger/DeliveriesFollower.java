package io.handoff.email.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.email.config.EmailConfig;
import io.handoff.events.json.EventJson;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows {@code handoff.deliveries} and puts every email reported delivered into the
 * {@link DeliveredLedger}, so this instance recognises what any instance, in this run or an earlier
 * one, already sent.
 *
 * <p>At start it reads from {@code lookback} ago (found with {@code offsetsForTimes}) up to the end
 * offsets seen at that moment, then marks the ledger caught up; commands wait for that, and readiness
 * is DOWN until then. It then keeps following. It is a plain consumer without a group: every instance
 * reads every partition, and nothing is committed.
 */
@ApplicationScoped
public class DeliveriesFollower {

    private static final Logger LOG = Logger.getLogger(DeliveriesFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PARTITION_RECHECK = Duration.ofSeconds(30);
    private static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(5);

    private final DeliveredLedger ledger;
    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final Duration lookback;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<KafkaConsumer<String, String>> current = new AtomicReference<>();
    private volatile boolean running;
    private Thread thread;

    public DeliveriesFollower(DeliveredLedger ledger, EmailConfig config,
                              @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.ledger = ledger;
        this.kafkaConfig = kafkaConfig;
        this.topic = config.ledger().topic();
        this.lookback = config.ledger().lookback();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::follow, "email-delivery-ledger");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> consumer = current.get();
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
                current.set(consumer);
                followWith(consumer);
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("reading %s for the delivery ledger failed (%s); trying again in %d s", topic, e,
                        RETRY_AFTER_ERROR.toSeconds());
                sleep(RETRY_AFTER_ERROR);
            } finally {
                current.set(null);
            }
        }
    }

    /** Reads until stopped, or returns when the topic's partitions changed so that it starts over. */
    private void followWith(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = partitions(consumer);
        while (partitions.isEmpty() && running) {
            // Nothing was ever reported, so there is nothing to catch up on.
            if (!ledger.isCaughtUp()) {
                LOG.infof("%s does not exist yet; the delivery ledger starts empty", topic);
                ledger.markCaughtUp();
            }
            sleep(RETRY_AFTER_ERROR);
            partitions = partitions(consumer);
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long since = clock.millis() - lookback.toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp from = start.get(partition);
            consumer.seek(partition, from != null ? from.offset() : end.get(partition));
        }
        long nextRecheck = System.nanoTime() + PARTITION_RECHECK.toNanos();
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                remember(record.value());
            }
            if (!ledger.isCaughtUp() && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                ledger.markCaughtUp();
                LOG.infof("delivery ledger caught up with %s: %d email deliveries known", topic, ledger.size());
            }
            if (System.nanoTime() > nextRecheck) {
                nextRecheck = System.nanoTime() + PARTITION_RECHECK.toNanos();
                if (partitions(consumer).size() != partitions.size()) {
                    LOG.infof("%s has a new number of partitions; following it again", topic);
                    return;
                }
            }
        }
    }

    /** Only email deliveries that succeeded matter; anything unreadable is somebody else's concern. */
    private void remember(String value) {
        if (value == null) {
            return;
        }
        try {
            JsonNode node = EventJson.mapper().readTree(value);
            if ("email".equals(node.path("channel").asText()) && "delivered".equals(node.path("status").asText())
                    && node.hasNonNull("deliveryId") && node.hasNonNull("target")) {
                ledger.recordDelivered(node.get("deliveryId").asText(), node.get("target").asText());
            }
        } catch (Exception e) {
            LOG.debugf("skipping an unreadable delivery report: %s", e.getMessage());
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "handoff-notifier-email-ledger");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
