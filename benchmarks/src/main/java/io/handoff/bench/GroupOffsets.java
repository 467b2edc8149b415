package io.handoff.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far the services' consumer groups have got on a topic, read as an operator reads it: the
 * group's committed offsets against the partitions' end offsets. A service's progress is only visible
 * once it commits, so these figures trail what it has processed by up to its commit interval.
 */
final class GroupOffsets implements AutoCloseable {

    private final Admin admin;

    GroupOffsets(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Every partition's end offset (the offset the next record will get). */
    Map<TopicPartition, Long> endOffsets(String topic) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** The group's committed offset on each partition of {@code topic}; 0 where it has committed none. */
    Map<TopicPartition, Long> committed(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new HashMap<>();
            all.forEach((partition, offset) -> {
                if (partition.topic().equals(topic) && offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e);
        }
    }

    /** Records on {@code topic} the group has not committed yet. */
    long lag(String group, String topic) {
        Map<TopicPartition, Long> committed = committed(group, topic);
        return endOffsets(topic).entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L))).sum();
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until the group has committed up to {@code target} on every partition and returns when
     * that was seen (System.nanoTime), checking every {@code every}; fails after {@code timeout}.
     */
    long awaitCommitted(String group, String topic, Map<TopicPartition, Long> target, Duration every, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, Long> committed = committed(group, topic);
            long now = System.nanoTime();
            if (target.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return now;
            }
            if (now > deadline) {
                throw new IllegalStateException(group + " did not commit up to the end of " + topic + " within "
                        + timeout + "; it is " + (sum(target) - sum(committed)) + " records behind");
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + group, e);
            }
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
