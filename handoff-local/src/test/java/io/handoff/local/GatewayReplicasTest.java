package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.AgentClient;
import io.handoff.testing.KafkaBroker;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.PostgresServer;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.TokenIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.handoff.testing.AgentClient.escalationCreated;
import static io.handoff.testing.AgentClient.frame;
import static io.handoff.testing.AgentClient.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged gateways share one database and one consumer group, as two replicas behind one address
 * would: agents on either see every escalation, a claim on one is seen on the other, and of agents
 * claiming at once on both, exactly one wins.
 */
class GatewayReplicasTest {

    private static final String CHATBOT = "bot-replicas";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path logs;

    @Test
    void agentsOnTwoGatewaysWorkOneQueue() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(6);
             PostgresServer postgres = PostgresServer.start(0);
             KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            kafka.createHandoffTopics(6);
            Map<String, String> config = Replicas.config(kafka, postgres, "gateway");
            try (ServiceProcess one = Replicas.start("livechat-gateway", config, logs, "one");
                 ServiceProcess two = Replicas.start("livechat-gateway", config, logs, "two")) {
                List<AgentClient> onOne = connect(one, "one", 3);
                List<AgentClient> onTwo = connect(two, "two", 3);
                List<AgentClient> everyone = new ArrayList<>(onOne);
                everyone.addAll(onTwo);
                try {
                    // each escalation is consumed by one replica, and reaches the agents of both
                    List<EscalationCreated> escalations = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        EscalationCreated escalation = SampleEvents.escalation(CHATBOT, 50_000 + i, "help " + i);
                        client.send(Topics.ESCALATIONS, escalation.conversation().key(),
                                EventJson.mapper().writeValueAsString(escalation));
                        escalations.add(escalation);
                    }
                    for (AgentClient agent : everyone) {
                        for (EscalationCreated escalation : escalations) {
                            agent.awaitFrame(escalationCreated(escalation.escalationId()));
                        }
                    }

                    // agents on both replicas send the first message at the same moment: one wins
                    String contested = escalations.get(0).conversation().key();
                    List<JsonNode> answers = raceToSend(everyone, contested);
                    List<JsonNode> acks = answers.stream().filter(a -> "ack".equals(a.get("type").asText())).toList();
                    assertThat(acks).hasSize(1);
                    String winner = everyone.get(answers.indexOf(acks.get(0))).frames().get(0).get("agent").get("id").asText();
                    assertThat(answers).filteredOn(a -> "error".equals(a.get("type").asText())).hasSize(everyone.size() - 1)
                            .allSatisfy(a -> assertThat(a.get("agent").get("id").asText()).isEqualTo(winner));
                    List<ConsumerRecord<String, String>> directives = client.awaitRecords(Topics.DIRECTIVES,
                            r -> contested.equals(r.key()), 2, WAIT);
                    assertThat(directives).extracting(r -> EventJson.mapper().readTree(r.value()).get("type").asText())
                            .containsExactly("livechat.started", "agent.message");

                    // a claim on one replica is seen by the agents of the other
                    String claimedOnOne = escalations.get(1).conversation().key();
                    assertThat(onOne.get(0).command("take", claimedOnOne).get("type").asText()).isEqualTo("ack");
                    for (AgentClient agent : onTwo) {
                        JsonNode claimed = agent.awaitFrame(frame("conversation.claimed", claimedOnOne));
                        assertThat(claimed.get("summary").get("agent").get("id").asText()).isEqualTo("agent-one-0");
                        assertThat(agent.command("send", claimedOnOne, "text", "me too?").get("error").asText())
                                .isEqualTo("taken");
                    }

                    // the visitor's answer reaches the owner whichever replica consumed it
                    MessageCreated answer = SampleEvents.visitorMessage(CHATBOT, claimedOnOne, SampleEvents.visitor(null),
                            "thanks for taking this");
                    client.send(Topics.CONVERSATION_EVENTS, claimedOnOne, EventJson.mapper().writeValueAsString(answer));
                    onOne.get(0).awaitFrame(message(claimedOnOne, "thanks for taking this"));
                } finally {
                    everyone.forEach(AgentClient::close);
                }
            }
        }
    }

    private static List<AgentClient> connect(ServiceProcess gateway, String name, int count) throws Exception {
        List<AgentClient> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String token = TokenIssuer.shared().agent("agent-" + name + "-" + i, "Agent " + name + " " + i,
                    List.of(CHATBOT), Duration.ofMinutes(10));
            agents.add(AgentClient.connect(new URL(gateway.url("/")), token));
        }
        return agents;
    }

    private static List<JsonNode> raceToSend(List<AgentClient> agents, String conversation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> pending = new ArrayList<>();
            for (AgentClient agent : agents) {
                pending.add(pool.submit(() -> {
                    go.await();
                    return agent.command("send", conversation, "text", "I'll take it " + UUID.randomUUID());
                }));
            }
            go.countDown();
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> answer : pending) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
