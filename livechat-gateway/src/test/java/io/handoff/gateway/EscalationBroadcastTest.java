package io.handoff.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.AgentClient;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.TokenResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.handoff.testing.AgentClient.escalationCreated;
import static io.handoff.gateway.Escalations.newEscalation;
import static io.handoff.gateway.Escalations.produce;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class EscalationBroadcastTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static KafkaTestClient kafka;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private AgentClient connectAgent() {
        return AgentClient.connect(base, TokenIssuer.shared().agent("agent-" + UUID.randomUUID(), "Sam",
                List.of("chatbot-uuid"), Duration.ofMinutes(5)));
    }

    @Test
    void connectedAgentIsToldAboutEachNewEscalation() throws Exception {
        try (AgentClient agent = connectAgent()) {
            EscalationCreated escalation = newEscalation("Can I talk to a person?");
            produce(kafka, escalation);

            JsonNode frame = agent.awaitFrame(escalationCreated(escalation.escalationId()));

            assertThat(frame.fieldNames()).toIterable().containsExactly("type", "seq", "conversationId", "chatbotId", "summary");
            JsonNode summary = frame.get("summary");
            assertThat(summary.get("state").asText()).isEqualTo("WAITING");
            assertThat(summary.get("agent").isNull()).isTrue();
            assertThat(summary.get("conversationId").asText()).isEqualTo(escalation.conversation().key());
            JsonNode pushed = summary.get("escalation");
            assertThat(pushed.get("type").asText()).isEqualTo("escalation.created");
            assertThat(pushed.get("eventId").asText()).isEqualTo(escalation.eventId());
            assertThat(pushed.get("conversation").get("id").asLong())
                    .isEqualTo(Long.parseLong(escalation.conversation().key()));
            assertThat(pushed.get("lastMessage").asText()).isEqualTo("Can I talk to a person?");
            assertThat(pushed.get("transcript")).hasSize(3);
        }
    }

    @Test
    void agentConnectingLaterFindsWaitingEscalationsInTheInboxOldestFirst() throws Exception {
        EscalationCreated older = newEscalation("first in line");
        EscalationCreated newer = newEscalation("second in line");
        try (AgentClient early = connectAgent()) {
            early.awaitFrames(2);
            produce(kafka, older);
            early.awaitFrame(escalationCreated(older.escalationId()));
            produce(kafka, newer);
            early.awaitFrame(escalationCreated(newer.escalationId()));
        }

        try (AgentClient late = connectAgent()) {
            List<JsonNode> frames = late.awaitFrames(2);

            assertThat(frames.get(0).get("type").asText()).isEqualTo("hello");
            JsonNode inbox = frames.get(1);
            assertThat(inbox.get("type").asText()).isEqualTo("inbox");
            assertThat(inbox.get("seq").asLong()).isEqualTo(frames.get(0).get("seq").asLong());
            List<String> ids = new ArrayList<>();
            inbox.get("conversations").forEach(c -> ids.add(c.path("escalation").path("escalationId").asText()));
            assertThat(ids).containsSubsequence(older.escalationId(), newer.escalationId());
            JsonNode queued = inbox.get("conversations").get(ids.indexOf(older.escalationId()));
            assertThat(queued.get("state").asText()).isEqualTo("WAITING");
            assertThat(queued.get("lastMessage").asText()).isEqualTo("first in line");
            assertThat(queued.get("chatbot").get("id").asText()).isEqualTo("chatbot-uuid");
        }
    }

    @Test
    void redeliveredEscalationIsStoredAndBroadcastOnce() throws Exception {
        EscalationCreated escalation = newEscalation("hello? anyone?");
        EscalationCreated after = Escalations.onSamePartitionAs(escalation, "processed after the duplicate");
        try (AgentClient agent = connectAgent()) {
            produce(kafka, escalation);
            produce(kafka, escalation);
            produce(kafka, after);

            // Same partition, so once `after` is pushed the duplicate has been processed too.
            agent.awaitFrame(escalationCreated(after.escalationId()));

            assertThat(agent.count(escalationCreated(escalation.escalationId()))).isEqualTo(1);
        }
        assertThat(rowsFor(escalation)).isEqualTo(1);
    }

    @Test
    void newEscalationReopensAClosedConversationButARedeliveryOfTheOldOneDoesNot() throws Exception {
        EscalationCreated first = newEscalation("first time");
        EscalationCreated second = new EscalationCreated(null, UUID.randomUUID().toString(), first.occurredAt().plusSeconds(600),
                UUID.randomUUID().toString(), first.chatbot(), first.conversation(), first.visitor(), "back again",
                first.transcript(), first.trigger(), first.signals());
        try (AgentClient agent = connectAgent()) {
            produce(kafka, first);
            agent.awaitFrame(escalationCreated(first.escalationId()));
            setState(first, "CLOSED");

            produce(kafka, first);
            produce(kafka, second);

            // Same conversation, same key: the redelivery was handled before `second`.
            agent.awaitFrame(escalationCreated(second.escalationId()));
            assertThat(agent.count(escalationCreated(first.escalationId()))).isEqualTo(1);
        }
        assertThat(stateAndEscalation(first)).containsExactly("WAITING", second.escalationId());
    }

    @Test
    void invalidRecordsGoToTheDeadLetterTopicWithTheReasonAndConsumptionContinues() throws Exception {
        String malformedKey = "bad-" + UUID.randomUUID();
        kafka.send(Topics.ESCALATIONS, malformedKey, "{\"type\":\"escalation.created\",\"eventId\":");
        String incompleteKey = "incomplete-" + UUID.randomUUID();
        kafka.send(Topics.ESCALATIONS, incompleteKey,
                "{\"type\":\"escalation.created\",\"eventId\":\"e-1\",\"occurredAt\":\"2026-02-09T12:00:00Z\"}");
        EscalationCreated good = newEscalation("still served after bad input");

        try (AgentClient agent = connectAgent()) {
            produce(kafka, good);

            ConsumerRecord<String, String> malformed = kafka.awaitRecord(Topics.dlq(Topics.ESCALATIONS),
                    r -> malformedKey.equals(r.key()), WAIT);
            assertThat(KafkaTestClient.header(malformed, "dead-letter-reason")).contains("malformed JSON");
            assertThat(malformed.value()).isEqualTo("{\"type\":\"escalation.created\",\"eventId\":");

            ConsumerRecord<String, String> incomplete = kafka.awaitRecord(Topics.dlq(Topics.ESCALATIONS),
                    r -> incompleteKey.equals(r.key()), WAIT);
            assertThat(KafkaTestClient.header(incomplete, "dead-letter-reason")).contains("escalationId");

            agent.awaitFrame(escalationCreated(good.escalationId()));
        }
    }

    @Test
    void escalationIdReusedForAnotherConversationGoesToTheDeadLetterTopic() throws Exception {
        EscalationCreated original = newEscalation("mine");
        EscalationCreated other = newEscalation("someone else's");
        EscalationCreated clash = new EscalationCreated(null, UUID.randomUUID().toString(), other.occurredAt(),
                original.escalationId(), other.chatbot(), other.conversation(), other.visitor(), other.lastMessage(),
                other.transcript(), other.trigger(), other.signals());
        try (AgentClient agent = connectAgent()) {
            produce(kafka, original);
            agent.awaitFrame(escalationCreated(original.escalationId()));
            produce(kafka, clash);

            ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.ESCALATIONS),
                    r -> r.value().contains(clash.eventId()), WAIT);
            assertThat(KafkaTestClient.header(dead, "dead-letter-reason"))
                    .contains(original.escalationId()).contains("another conversation");
        }
    }

    private int rowsFor(EscalationCreated escalation) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM live_chat_session WHERE escalation_id = ?")) {
            s.setString(1, escalation.escalationId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void setState(EscalationCreated escalation, String state) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE live_chat_session SET state = ?, updated_at = now() WHERE conversation_id = ?")) {
            s.setString(1, state);
            s.setString(2, escalation.conversation().key());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> stateAndEscalation(EscalationCreated escalation) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT state, escalation_id FROM live_chat_session WHERE conversation_id = ?")) {
            s.setString(1, escalation.conversation().key());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return List.of(rs.getString(1), rs.getString(2));
            }
        }
    }
}
