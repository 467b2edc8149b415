package io.handoff.deploy.kafka;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.handoff.deploy.Checkout;
import io.handoff.deploy.Overlays;
import io.handoff.deploy.config.ServiceConfig;
import io.handoff.deploy.kubernetes.KubernetesObjects;
import io.handoff.deploy.kubernetes.LabelSelectors;
import io.handoff.events.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Strimzi resources against what the services use: a KafkaTopic for every topic in
 * {@link Topics} (compacted where it holds the latest value per key), and a KafkaUser per service
 * whose ACLs are exactly what the service's configuration says it reads and writes, so that the
 * topics carrying secrets are readable by no one else.
 */
class KafkaResourcesTest {

    static final List<String> DEPLOYMENTS = Overlays.DEPLOYMENTS;

    /** Topics that hold the latest value per key, as the services' contracts say (docs/events.md). */
    private static final Set<String> COMPACTED = Set.of(Topics.CHATBOT_SETTINGS, Topics.SLACK_CONNECTIONS);
    /** The one topic that carries secrets (webhook signing secrets), and its dead letters. */
    private static final Set<String> CARRY_SECRETS = Set.of(Topics.NOTIFY_WEBHOOK, Topics.dlq(Topics.NOTIFY_WEBHOOK));

    static List<String> handoffTopics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DLQ_SUFFIX")) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    private static Map<String, KafkaTopic> topics(String overlay) {
        return Overlays.rendered(overlay).all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
    }

    private static String config(KafkaTopic topic, String key) {
        Object value = topic.getSpec().getConfig() == null ? null : topic.getSpec().getConfig().get(key);
        return value == null ? null : value.toString();
    }

    private static String changelog() {
        return Checkout.service("trigger-detector").property("handoff.detector.application-id").orElseThrow()
                + "-conversations-changelog";
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyTopicHasAKafkaTopicWithItsDeadLetterTwin(String overlay) throws IllegalAccessException {
        Map<String, KafkaTopic> topics = topics(overlay);
        List<String> expected = new ArrayList<>();
        for (String topic : handoffTopics()) {
            expected.add(topic);
            expected.add(Topics.dlq(topic));
        }
        expected.add(changelog());

        assertThat(topics.keySet()).as(overlay).containsExactlyInAnyOrderElementsOf(expected);
        topics.values().forEach(t -> assertThat(t.getMetadata().getLabels()).as(t.getSpec().getTopicName())
                .containsEntry("strimzi.io/cluster", "handoff"));
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void latestValueTopicsAreCompactedAndEventTopicsExpire(String overlay) throws IllegalAccessException {
        Map<String, KafkaTopic> topics = topics(overlay);
        for (String topic : handoffTopics()) {
            assertThat(config(topics.get(topic), "cleanup.policy")).as(topic)
                    .isEqualTo(COMPACTED.contains(topic) ? "compact" : "delete");
            if (!COMPACTED.contains(topic)) {
                assertThat(config(topics.get(topic), "retention.ms")).as(topic + " retention").isNotNull();
            }
            KafkaTopic dlq = topics.get(Topics.dlq(topic));
            assertThat(config(dlq, "cleanup.policy")).as(dlq.getSpec().getTopicName()).isEqualTo("delete");
            assertThat(Long.parseLong(config(dlq, "retention.ms"))).as(dlq.getSpec().getTopicName())
                    .isGreaterThanOrEqualTo(Duration.ofDays(30).toMillis());
        }
        assertThat(config(topics.get(changelog()), "cleanup.policy")).isEqualTo("compact");
    }

    /** notifier-email reads the delivery reports back {@code handoff.email.ledger.lookback} far. */
    @Test
    void deliveriesAreKeptAsLongAsNotifierEmailLooksBack() {
        Duration lookback = quarkusDuration(Checkout.service("notifier-email").property("handoff.email.ledger.lookback")
                .orElseThrow());
        KafkaTopic deliveries = topics("overlays/prod").get(Topics.DELIVERIES);

        assertThat(Long.parseLong(config(deliveries, "retention.ms"))).isGreaterThanOrEqualTo(lookback.toMillis());
    }

    /** A duration as Quarkus writes it: {@code 7d}, {@code 30s}, {@code 300ms}, or ISO-8601. */
    private static Duration quarkusDuration(String text) {
        Matcher shorthand = Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(text);
        if (!shorthand.matches()) {
            return Duration.parse(text);
        }
        long amount = Long.parseLong(shorthand.group(1));
        return switch (shorthand.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /**
     * The detector reads conversation events and directives in one processor with one state store: all
     * three must have the same partitions, or Kafka Streams refuses to start.
     */
    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void theDetectorsCoPartitionedTopicsHaveTheSamePartitionCount(String overlay) {
        Map<String, KafkaTopic> topics = topics(overlay);
        ServiceConfig detector = Checkout.service("trigger-detector");
        List<Integer> partitions = List.of(
                topics.get(ExpectedKafkaAccess.detectorTopic(detector, "conversation-events")).getSpec().getPartitions(),
                topics.get(ExpectedKafkaAccess.detectorTopic(detector, "directives")).getSpec().getPartitions(),
                topics.get(changelog()).getSpec().getPartitions());

        assertThat(partitions).as(overlay).containsOnly(partitions.get(0));
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyTopicAServiceUsesIsDeclared(String overlay) {
        Map<String, KafkaTopic> topics = topics(overlay);
        for (String service : Checkout.SERVICES) {
            ExpectedKafkaAccess.of(Checkout.service(service)).stream()
                    .filter(acl -> acl.resourceType().equals("topic") && acl.patternType().equals("literal"))
                    .forEach(acl -> assertThat(topics).as(service + " uses " + acl.name()).containsKey(acl.name()));
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void theClusterAuthenticatesWithScramOverTlsAndAuthorisesEveryClient(String overlay) {
        Kafka kafka = Overlays.rendered(overlay).named(Kafka.class, "handoff").orElseThrow();

        assertThat(kafka.getSpec().getKafka().getAuthorization()).as("authorization").isNotNull();
        assertThat(kafka.getSpec().getKafka().getAuthorization().getType()).isEqualTo("simple");
        assertThat(kafka.getSpec().getKafka().getListeners()).as("listeners").allSatisfy(listener -> {
            assertThat(listener.isTls()).as(listener.getName() + " tls").isTrue();
            assertThat(listener.getAuth()).as(listener.getName() + " authentication")
                    .isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
        });
        assertThat(kafka.getSpec().getEntityOperator().getUserOperator()).as("user operator").isNotNull();
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("topic operator").isNotNull();
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false);
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyServicesKafkaUserAllowsExactlyWhatItsConfigurationUses(String overlay) {
        KubernetesObjects objects = Overlays.rendered(overlay);
        for (String service : Checkout.SERVICES) {
            KafkaUser user = objects.named(KafkaUser.class, service)
                    .orElseThrow(() -> new AssertionError(overlay + ": no KafkaUser " + service));
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "handoff");
            assertThat(user.getSpec().getAuthentication()).as(service)
                    .isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);

            assertThat(acls(user)).as(overlay + ": ACLs of " + service + " (derived from its application.properties)")
                    .containsExactlyInAnyOrderElementsOf(ExpectedKafkaAccess.of(Checkout.service(service)));
        }
    }

    /**
     * Webhook signing secrets travel on handoff.notify.webhook (router to notifier-webhook) and, for
     * commands the notifier rejects, on its dead-letter topic, which no service reads.
     */
    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void onlyNotifierWebhookReadsTheTopicsThatCarryWebhookSecrets(String overlay) {
        Map<String, List<String>> readers = Map.of(Topics.NOTIFY_WEBHOOK, List.of("notifier-webhook"),
                Topics.dlq(Topics.NOTIFY_WEBHOOK), List.of());
        Map<String, List<String>> writers = Map.of(Topics.NOTIFY_WEBHOOK, List.of("escalation-router"),
                Topics.dlq(Topics.NOTIFY_WEBHOOK), List.of("notifier-webhook"));
        for (String topic : CARRY_SECRETS) {
            assertThat(users(overlay, topic, "Read|All")).as(overlay + ": readers of " + topic)
                    .containsExactlyElementsOf(readers.get(topic));
            assertThat(users(overlay, topic, "Write|All")).as(overlay + ": writers of " + topic)
                    .containsExactlyElementsOf(writers.get(topic));
        }
    }

    /** The KafkaUsers allowed an operation (a regular expression) on {@code topic}. */
    private static Set<String> users(String overlay, String topic, String operations) {
        Set<String> users = new TreeSet<>();
        for (KafkaUser user : Overlays.rendered(overlay).all(KafkaUser.class)) {
            if (acls(user).stream().anyMatch(acl -> acl.coversTopic(topic) && acl.operation().matches(operations))) {
                users.add(user.getMetadata().getName());
            }
        }
        return users;
    }

    @Test
    void kedaReadsConsumerLagWithoutPermissionToReadOrWriteRecords() {
        KafkaUser keda = Overlays.rendered("overlays/prod-keda").named(KafkaUser.class, "handoff-keda").orElseThrow();

        assertThat(acls(keda)).isNotEmpty().extracting(Acl::operation).containsOnly("Describe");
    }

    /** Each service logs in as its own KafkaUser, over TLS trusting the cluster CA. */
    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void everyServiceLogsInAsItsOwnKafkaUser(String overlay) {
        for (String service : Checkout.SERVICES) {
            List<EnvVar> env = Overlays.rendered(overlay).podTemplate(service).orElseThrow().getSpec().getContainers()
                    .get(0).getEnv();
            Map<String, EnvVar> byName = env.stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
            assertThat(byName).as(overlay + " " + service).containsKeys("KAFKA_BOOTSTRAP_SERVERS",
                    "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
                    "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
            var login = byName.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef();
            assertThat(login.getName()).as(overlay + " " + service + " Kafka login").isEqualTo(service);
            assertThat(login.getKey()).isEqualTo("sasl.jaas.config");
            var ca = byName.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES").getValueFrom().getSecretKeyRef();
            assertThat(ca.getName()).isEqualTo("handoff-cluster-ca-cert");
            assertThat(ca.getKey()).isEqualTo("ca.crt");
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYMENTS")
    void theBrokersAdmitTheServicesPods(String overlay) {
        KubernetesObjects objects = Overlays.rendered(overlay);
        GenericKafkaListener listener = objects.named(Kafka.class, "handoff").orElseThrow().getSpec().getKafka()
                .getListeners().get(0);
        for (String service : Checkout.SERVICES) {
            Map<String, String> labels = objects.podTemplate(service).orElseThrow().getMetadata().getLabels();
            assertThat(listener.getNetworkPolicyPeers()).as(overlay + " " + service).anySatisfy(peer -> {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(LabelSelectors.matches(peer.getPodSelector(), labels)).isTrue();
            });
        }
    }

    /** A KafkaUser's ACLs in the terms of {@link Acl}; deny rules and hosts other than any are not used. */
    static Set<Acl> acls(KafkaUser user) {
        Set<Acl> acls = new TreeSet<>();
        KafkaUserAuthorizationSimple authorization = (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        for (AclRule rule : authorization.getAcls()) {
            assertThat(rule.getType()).as(user.getMetadata().getName() + " rule type").isIn(null, AclRuleType.ALLOW);
            assertThat(rule.getHost()).as(user.getMetadata().getName() + " rule host").isIn(null, "*");
            assertThat(rule.getOperation()).as("deprecated single operation").isNull();
            String type;
            String name;
            String pattern;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                type = "topic";
                name = topic.getName();
                pattern = topic.getPatternType().toValue();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                type = "group";
                name = group.getName();
                pattern = group.getPatternType().toValue();
            } else if (rule.getResource() instanceof AclRuleTransactionalIdResource transactionalId) {
                type = "transactionalId";
                name = transactionalId.getName();
                pattern = transactionalId.getPatternType().toValue();
            } else if (rule.getResource() instanceof AclRuleClusterResource) {
                type = "cluster";
                name = "kafka-cluster";
                pattern = "literal";
            } else {
                throw new AssertionError("unknown ACL resource " + rule.getResource());
            }
            Objects.requireNonNull(rule.getOperations(), "operations");
            rule.getOperations().forEach(op -> acls.add(new Acl(type, name, pattern, op.toValue())));
        }
        return acls;
    }
}
