package io.handoff.gateway;

import io.handoff.events.AgentRef;
import io.handoff.events.Topics;
import io.handoff.events.agent.AgentReply;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.TokenResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.handoff.gateway.Escalations.newEscalation;
import static io.handoff.gateway.Escalations.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Agents' replies from Slack threads, carried out over the real broker and database. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class AgentReplyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AgentRef SAM = new AgentRef("slack:T0:U0SAM", "Sam");
    private static final AgentRef KIM = new AgentRef("slack:T0:U0KIM", "Kim");

    static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @Inject
    LiveChatSessions sessions;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void theFirstReplyClaimsTheConversationAndReachesTheVisitor() throws Exception {
        EscalationCreated escalation = waiting();

        reply(escalation, SAM, "m-" + UUID.randomUUID(), "Hi Jane, Sam here.");
        String second = "m-" + UUID.randomUUID();
        reply(escalation, SAM, second, "Let me check your order.");

        List<ConsumerRecord<String, String>> directives = awaitDirectives(escalation, 3);
        assertThat(directives.get(0).value()).contains("\"type\":\"livechat.started\"")
                .contains("\"escalationId\":\"" + escalation.escalationId() + "\"")
                .contains("Sam from our team has joined the conversation.");
        assertThat(directives.get(1).value()).contains("\"type\":\"agent.message\"").contains("Hi Jane, Sam here.");
        assertThat(directives.get(2).value()).contains("\"type\":\"agent.message\"").contains("Let me check your order.")
                .contains("\"messageId\":\"" + second + "\"");
        assertThat(directives).allSatisfy(r -> assertThat(r.key()).isEqualTo(escalation.conversation().key()));
        assertThat(state(escalation)).isEqualTo("LIVE");
    }

    @Test
    void ofTwoAgentsReplyingAtOnceExactlyOneWinsAndTheOtherIsRefusedWithTheReason() throws Exception {
        EscalationCreated escalation = waiting();
        String kimMessage = "m-kim-" + UUID.randomUUID();

        reply(escalation, SAM, "m-sam-" + UUID.randomUUID(), "Sam answering");
        reply(escalation, KIM, kimMessage, "Kim answering");

        ConsumerRecord<String, String> refused = kafka.awaitRecord(Topics.dlq(Topics.AGENT_COMMANDS),
                r -> r.value().contains(kimMessage), WAIT);
        assertThat(KafkaTestClient.header(refused, "dead-letter-reason"))
                .contains("is live with another agent (Sam)");
        awaitDirectives(escalation, 2);
        List<ConsumerRecord<String, String>> directives = allDirectives(escalation);
        assertThat(directives).hasSize(2);
        assertThat(directives).filteredOn(r -> r.value().contains("livechat.started")).hasSize(1);
        assertThat(directives).noneMatch(r -> r.value().contains("Kim answering"));
    }

    @Test
    void aRedeliveredReplyIsShownOnce() throws Exception {
        EscalationCreated escalation = waiting();
        String messageId = "m-" + UUID.randomUUID();

        reply(escalation, SAM, messageId, "Only once");
        awaitDirectives(escalation, 2);
        reply(escalation, SAM, messageId, "Only once");
        String marker = "m-" + UUID.randomUUID();
        reply(escalation, SAM, marker, "After the repeat");

        awaitDirectives(escalation, 3);
        List<ConsumerRecord<String, String>> directives = allDirectives(escalation);
        assertThat(directives).hasSize(3);
        assertThat(directives).filteredOn(r -> r.value().contains("Only once")).hasSize(1);
        assertThat(directives.get(2).value()).contains(marker);
    }

    @Test
    void aReplyToAConversationWithoutAnOpenEscalationIsRefused() throws Exception {
        EscalationCreated never = newEscalation("never escalated here");
        String messageId = "m-" + UUID.randomUUID();

        reply(never, SAM, messageId, "Hello?");

        ConsumerRecord<String, String> refused = kafka.awaitRecord(Topics.dlq(Topics.AGENT_COMMANDS),
                r -> r.value().contains(messageId), WAIT);
        assertThat(KafkaTestClient.header(refused, "dead-letter-reason")).contains("has no open escalation");
    }

    @Test
    void concurrentClaimsOnTheDatabaseHaveExactlyOneWinner() throws Exception {
        EscalationCreated escalation = waiting();
        int agents = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(agents);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<LiveChatSessions.Claim>> results = new java.util.ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String agent = "agent-" + i;
            results.add(pool.submit(() -> {
                go.await();
                return sessions.claim(escalation.chatbot().key(), escalation.conversation().key(), new AgentRef(agent, agent));
            }));
        }
        go.countDown();
        List<LiveChatSessions.Claim> outcomes = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<LiveChatSessions.Claim> f : results) {
            outcomes.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<LiveChatSessions.Claim> won = outcomes.stream()
                .filter(c -> c.outcome() == LiveChatSessions.Outcome.CLAIMED).toList();
        assertThat(won).hasSize(1);
        assertThat(outcomes).filteredOn(c -> c.outcome() == LiveChatSessions.Outcome.TAKEN).hasSize(agents - 1)
                .allSatisfy(c -> assertThat(c.session().agentId()).isEqualTo(won.get(0).session().agentId()));
    }

    private EscalationCreated waiting() throws Exception {
        EscalationCreated escalation = newEscalation("I need a person");
        produce(kafka, escalation);
        await().atMost(WAIT).until(() -> "WAITING".equals(state(escalation)));
        return escalation;
    }

    private static void reply(EscalationCreated escalation, AgentRef agent, String messageId, String text)
            throws Exception {
        AgentReply reply = new AgentReply(null, UUID.randomUUID().toString(), Instant.now(), escalation.chatbot(),
                escalation.conversation(), escalation.escalationId(), agent, "slack", messageId, text);
        kafka.send(Topics.AGENT_COMMANDS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(reply));
    }

    private static List<ConsumerRecord<String, String>> awaitDirectives(EscalationCreated escalation, int count) {
        return kafka.awaitRecords(Topics.DIRECTIVES, r -> escalation.conversation().key().equals(r.key()), count, WAIT);
    }

    private static List<ConsumerRecord<String, String>> allDirectives(EscalationCreated escalation) {
        return kafka.readAll(Topics.DIRECTIVES, Duration.ofSeconds(2)).stream()
                .filter(r -> escalation.conversation().key().equals(r.key())).toList();
    }

    private String state(EscalationCreated escalation) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state FROM live_chat_session WHERE conversation_id = ?")) {
            ps.setString(1, escalation.conversation().key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
