package io.handoff.testing;

import io.handoff.events.Topics;
import io.kroxylicious.testing.kafka.api.KafkaCluster;
import io.kroxylicious.testing.kafka.api.TerminationStyle;
import io.kroxylicious.testing.kafka.common.KafkaClusterConfig;
import io.kroxylicious.testing.kafka.common.KafkaClusterExecutionMode;
import io.kroxylicious.testing.kafka.common.KafkaClusterFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node Kafka broker (KRaft) running inside this JVM.
 *
 * <p>It starts in about two seconds on an ephemeral port, so every test run and the local stack get a
 * broker of their own and nothing depends on a server already running on the machine.
 */
public final class KafkaBroker implements AutoCloseable {

    private static KafkaBroker shared;

    private final KafkaCluster cluster;

    private KafkaBroker(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts a new broker. The caller closes it. */
    public static KafkaBroker start(int partitions) {
        KafkaCluster cluster = KafkaClusterFactory.create(KafkaClusterConfig.builder()
                .execMode(KafkaClusterExecutionMode.IN_VM)
                .kraftMode(true)
                .brokersNum(1)
                .brokerConfig("auto.create.topics.enable", "true")
                .brokerConfig("num.partitions", Integer.toString(partitions))
                .brokerConfig("transaction.state.log.num.partitions", "5")
                .build());
        cluster.start();
        return new KafkaBroker(cluster);
    }

    /** One broker for the whole JVM, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            KafkaBroker broker = start(3);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
            broker.createHandoffTopics(3);
            shared = broker;
        }
        return shared;
    }

    public String bootstrapServers() {
        return cluster.getBootstrapServers();
    }

    /**
     * Shuts the broker down the way an operator's restart does. Its port and log directory are kept,
     * so {@link #startAgain()} brings back the same broker with every topic, record and committed
     * offset; clients meanwhile see a broker that is unreachable.
     */
    public void stop() {
        cluster.stopNodes(node -> true, TerminationStyle.GRACEFUL);
    }

    /** Stops the broker at once, as a crash would, keeping its port and log directory like {@link #stop()}. */
    public void kill() {
        cluster.stopNodes(node -> true, TerminationStyle.ABRUPT);
    }

    /** Starts the stopped broker again, on the same port and from the same log directory. */
    public void startAgain() {
        cluster.startNodes(node -> true);
    }

    public boolean isRunning() {
        return cluster.getStoppedBrokers().isEmpty();
    }

    /**
     * Creates every topic the services use, as an operator would before deploying them: the settings
     * topic compacted, everything else with {@code partitions} partitions.
     */
    public void createHandoffTopics(int partitions) {
        createHandoffTopics(bootstrapServers(), partitions);
    }

    /** {@link #createHandoffTopics(int)} on any broker, for example one running in another process. */
    public static void createHandoffTopics(String bootstrapServers, int partitions) {
        Set<String> all = new java.util.TreeSet<>();
        for (String topic : List.of(Topics.CONVERSATION_EVENTS, Topics.ESCALATIONS, Topics.NOTIFY_EMAIL,
                Topics.NOTIFY_SLACK, Topics.NOTIFY_WEBHOOK, Topics.DELIVERIES, Topics.DIRECTIVES,
                Topics.AGENT_COMMANDS, Topics.CHATBOT_SETTINGS, Topics.SLACK_CONNECTIONS)) {
            all.add(topic);
            all.add(Topics.dlq(topic));
        }
        createTopics(bootstrapServers, partitions, all, Set.of(Topics.CHATBOT_SETTINGS, Topics.SLACK_CONNECTIONS));
    }

    /** Creates topics that do not exist yet; compacted ones are for latest-value-per-key topics. */
    public void createTopics(int partitions, Set<String> topics, Set<String> compacted) {
        createTopics(bootstrapServers(), partitions, topics, compacted);
    }

    private static void createTopics(String bootstrapServers, int partitions, Set<String> topics, Set<String> compacted) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> {
                        NewTopic topic = new NewTopic(t, partitions, (short) 1);
                        return compacted.contains(t)
                                ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                                : topic;
                    })
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + topics, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not stop cleanly", e);
        }
    }
}
