package io.handoff.deploy.kafka;

import io.handoff.deploy.config.ServiceConfig;
import io.handoff.events.Topics;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka permissions a service needs, derived from what it reads and writes, so that its
 * KafkaUser can be compared with them: Read and Describe on every topic it consumes, Read and Describe
 * on its consumer groups, Write and Describe on every topic it produces, dead-letter topics included.
 *
 * <p>For the router, the notifiers and the gateway this comes from their SmallRye Kafka channels in
 * {@code application.properties}. Two consumers are not channels and are described here: the trigger
 * detector's Kafka Streams topology ({@code DetectorTopology}) and notifier-email's delivery ledger
 * ({@code DeliveriesFollower}, a consumer without a group).
 */
public final class ExpectedKafkaAccess {

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final Pattern OUTGOING = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.connector");
    private static final String KAFKA_CONNECTOR = "smallrye-kafka";

    /** Services that read a topic with a plain consumer (no group), by the key that names the topic. */
    private static final Map<String, String> LEDGER_TOPIC_KEYS = Map.of("notifier-email", "handoff.email.ledger.topic");

    private ExpectedKafkaAccess() {
    }

    /**
     * What {@code service} needs.
     *
     * @throws IllegalStateException when its configuration does not say (a channel without a group id)
     */
    public static Set<Acl> of(ServiceConfig service) {
        Set<Acl> acls = new TreeSet<>();
        if (service.service().equals("trigger-detector")) {
            detector(service, acls);
        }
        for (Map.Entry<String, String> property : service.properties().entrySet()) {
            Matcher incoming = INCOMING.matcher(property.getKey());
            if (incoming.matches() && property.getValue().equals(KAFKA_CONNECTOR)) {
                incoming(service, incoming.group(1), acls);
            }
            Matcher outgoing = OUTGOING.matcher(property.getKey());
            if (outgoing.matches() && property.getValue().equals(KAFKA_CONNECTOR)) {
                String channel = outgoing.group(1);
                write(acls, channelProperty(service, "outgoing", channel, "topic").orElse(channel));
            }
        }
        String ledgerKey = LEDGER_TOPIC_KEYS.get(service.service());
        if (ledgerKey != null) {
            read(acls, service.property(ledgerKey)
                    .orElseThrow(() -> new IllegalStateException(service.service() + " does not set " + ledgerKey)));
        }
        return Set.copyOf(acls);
    }

    /** The consumer groups a service consumes with (its channels' group ids, or the Streams application id). */
    public static Set<String> consumerGroups(ServiceConfig service) {
        Set<String> groups = new TreeSet<>();
        of(service).stream().filter(acl -> acl.resourceType().equals("group") && acl.patternType().equals("literal"))
                .forEach(acl -> groups.add(acl.name()));
        return groups;
    }

    /** The topics a service reads with a consumer group (whose partitions bound its useful instances). */
    public static Set<String> groupConsumedTopics(ServiceConfig service) {
        Set<String> topics = new TreeSet<>();
        if (service.service().equals("trigger-detector")) {
            topics.add(detectorTopic(service, "conversation-events"));
            topics.add(detectorTopic(service, "directives"));
        }
        for (String key : service.properties().keySet()) {
            Matcher incoming = INCOMING.matcher(key);
            if (incoming.matches() && service.properties().get(key).equals(KAFKA_CONNECTOR)) {
                topics.add(channelProperty(service, "incoming", incoming.group(1), "topic").orElse(incoming.group(1)));
            }
        }
        return topics;
    }

    private static void incoming(ServiceConfig service, String channel, Set<Acl> acls) {
        read(acls, channelProperty(service, "incoming", channel, "topic").orElse(channel));
        String group = channelProperty(service, "incoming", channel, "group.id").orElseThrow(() ->
                new IllegalStateException(service.service() + ": channel " + channel
                        + " has no group.id, so its consumer group depends on the application name"));
        acls.add(Acl.group(group, "Read"));
        acls.add(Acl.group(group, "Describe"));
        if (channelProperty(service, "incoming", channel, "failure-strategy").orElse("fail").equals("dead-letter-queue")) {
            write(acls, channelProperty(service, "incoming", channel, "dead-letter-queue.topic")
                    .orElse("dead-letter-topic-" + channel));
        }
    }

    /**
     * The detector's topology: it reads conversation events, directives and settings (a global store,
     * no group), writes escalations, directives and the dead letters of the first two. Its consumer
     * group, its internal topics and its transactional ids (exactly-once) are named after the Kafka
     * Streams application id.
     */
    private static void detector(ServiceConfig service, Set<Acl> acls) {
        String applicationId = service.property("handoff.detector.application-id")
                .orElseThrow(() -> new IllegalStateException("trigger-detector sets no handoff.detector.application-id"));
        String events = detectorTopic(service, "conversation-events");
        String directives = detectorTopic(service, "directives");
        read(acls, events);
        read(acls, directives);
        read(acls, detectorTopic(service, "chatbot-settings"));
        write(acls, detectorTopic(service, "escalations"));
        write(acls, directives);
        write(acls, Topics.dlq(events));
        write(acls, Topics.dlq(directives));
        acls.add(Acl.group(applicationId, "Read"));
        acls.add(Acl.group(applicationId, "Describe"));
        for (String operation : new String[]{"Create", "Read", "Write", "Describe", "DescribeConfigs"}) {
            acls.add(new Acl("topic", applicationId + "-", "prefix", operation));
        }
        acls.add(new Acl("transactionalId", applicationId, "prefix", "Write"));
        acls.add(new Acl("transactionalId", applicationId, "prefix", "Describe"));
    }

    /** The detector's topic for {@code name}, as {@code handoff.detector.topics.<name>} sets it. */
    public static String detectorTopic(ServiceConfig detector, String name) {
        return detector.property("handoff.detector.topics." + name)
                .orElseThrow(() -> new IllegalStateException("trigger-detector sets no handoff.detector.topics." + name));
    }

    private static Optional<String> channelProperty(ServiceConfig service, String direction, String channel, String attribute) {
        return service.property("mp.messaging." + direction + "." + channel + "." + attribute);
    }

    private static void read(Set<Acl> acls, String topic) {
        acls.add(Acl.topic(topic, "Read"));
        acls.add(Acl.topic(topic, "Describe"));
    }

    private static void write(Set<Acl> acls, String topic) {
        acls.add(Acl.topic(topic, "Write"));
        acls.add(Acl.topic(topic, "Describe"));
    }
}
