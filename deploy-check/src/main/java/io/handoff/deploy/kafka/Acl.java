package io.handoff.deploy.kafka;

import java.util.Comparator;

/**
 * One permission of a Kafka user: an operation on a topic, a consumer group or transactional ids,
 * named literally or by prefix. Spelled as Strimzi's KafkaUser spells it ({@code topic},
 * {@code Read}, {@code literal}).
 */
public record Acl(String resourceType, String name, String patternType, String operation) implements Comparable<Acl> {

    private static final Comparator<Acl> ORDER = Comparator.comparing(Acl::resourceType).thenComparing(Acl::name)
            .thenComparing(Acl::patternType).thenComparing(Acl::operation);

    public static Acl topic(String name, String operation) {
        return new Acl("topic", name, "literal", operation);
    }

    public static Acl group(String name, String operation) {
        return new Acl("group", name, "literal", operation);
    }

    /** Whether this permission covers {@code topic} (literally or by prefix). */
    public boolean coversTopic(String topic) {
        return resourceType.equals("topic")
                && (patternType.equals("prefix") ? topic.startsWith(name) : topic.equals(name));
    }

    @Override
    public int compareTo(Acl other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return operation + " " + resourceType + " " + name + (patternType.equals("prefix") ? "*" : "");
    }
}
