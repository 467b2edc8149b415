package io.handoff.gateway;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Escalations for tests, each in a conversation of its own, produced the way the detector does. */
final class Escalations {

    private Escalations() {
    }

    static EscalationCreated newEscalation(String lastMessage) {
        return SampleEvents.escalation("chatbot-uuid", ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L),
                lastMessage);
    }

    /** A new escalation in a conversation whose key lands on the same partition as {@code other}'s. */
    static EscalationCreated onSamePartitionAs(EscalationCreated other, String lastMessage) {
        int partitions = partitionCount();
        int target = partition(other.conversation().key(), partitions);
        while (true) {
            EscalationCreated candidate = newEscalation(lastMessage);
            if (partition(candidate.conversation().key(), partitions) == target) {
                return candidate;
            }
        }
    }

    /** Produces to {@code handoff.escalations}, keyed by conversation id as the contract says. */
    static void produce(KafkaTestClient kafka, EscalationCreated escalation) throws Exception {
        kafka.send(Topics.ESCALATIONS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(escalation));
    }

    /** The producer's default partitioner for a key. */
    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static int partitionCount() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()))) {
            return admin.describeTopics(List.of(Topics.ESCALATIONS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.ESCALATIONS).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + Topics.ESCALATIONS, e);
        }
    }
}
