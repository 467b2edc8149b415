package io.handoff.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.testing.AgentClient;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.ScrapedMetrics;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static io.handoff.gateway.Escalations.produce;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one agent connection may cost the gateway: its token's lifetime, frames of a bounded size, a
 * bounded number of waiting commands, a bounded backlog of unread frames, and a reconnect that reads
 * only its own chatbots' events, a bounded number of them. Each closing is counted by reason.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class AgentConnectionLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CLOSED = "handoff_gateway_agent_connections_closed_total";
    private static KafkaTestClient kafka;

    @TestHTTPResource("/")
    URL base;

    @Inject
    InboxSnapshots snapshots;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static double closed(String reason) {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .value(CLOSED, "reason", reason);
    }

    private static String token(String agent, String chatbot, Duration validity) {
        return TokenIssuer.shared().agent(agent, "Sam", List.of(chatbot), validity);
    }

    @Test
    void aConnectionIsClosedWhenItsTokenRunsOutWithACodeTheConsoleKnows() {
        double before = closed("token_expired");
        try (AgentClient agent = AgentClient.connectWithSubProtocol(base, token("agent-exp", "bot-a", Duration.ofSeconds(3)))) {
            JsonNode hello = agent.awaitFrames(1).get(0);
            assertThat(Instant.parse(hello.path("tokenExpiresAt").asText())).isBefore(Instant.now().plusSeconds(5));

            assertThat(agent.awaitCloseCode(Duration.ofSeconds(20))).isEqualTo(4001);
            assertThat(agent.closeReason()).isEqualTo("token expired");
            assertThat(agent.frames()).anyMatch(f -> "token_expired".equals(f.path("error").asText()));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(closed("token_expired")).isEqualTo(before + 1));
    }

    @Test
    void aFrameLargerThanTheProtocolAllowsClosesTheConnection() {
        double before = closed("frame_too_large");
        try (AgentClient agent = AgentClient.connect(base, token("agent-big", "bot-a", Duration.ofMinutes(5)))) {
            agent.send("{\"type\": \"ping\", \"ref\": \"" + "x".repeat(20_000) + "\"}");

            assertThat(agent.awaitCloseCode(WAIT)).isEqualTo(1009);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(closed("frame_too_large")).isEqualTo(before + 1));
    }

    @Test
    void anAgentWhoFloodsCommandsIsClosedInsteadOfQueuedWithoutEnd() {
        double before = closed("flood");
        try (AgentClient agent = AgentClient.connect(base, token("agent-flood", "bot-a", Duration.ofMinutes(5)))) {
            try {
                for (int i = 0; i < 3_000 && !agent.isClosed(); i++) {
                    agent.send("{\"type\": \"take\", \"ref\": \"r" + i + "\", \"conversationId\": \"no-such-" + i + "\"}");
                }
            } catch (java.util.concurrent.CompletionException closedWhileSending) {
                // the gateway closed the connection while commands were still being sent: what is tested
            }

            assertThat(agent.awaitCloseCode(WAIT)).isEqualTo(1008);
            assertThat(agent.closeReason()).isEqualTo("too many commands waiting");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(closed("flood")).isEqualTo(before + 1));
    }

    @Test
    void anAgentWhoDoesNotReadIsClosedInsteadOfBufferedWithoutEnd() throws Exception {
        double before = closed("not_reading");
        // a client that never asks for a frame: the JDK client then stops reading from the socket
        WebSocket.Listener deaf = new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                // no request(n): nothing is ever read
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                return null;
            }
        };
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(AgentClient.SUB_PROTOCOL, "bearer." + token("agent-deaf", "bot-a", Duration.ofMinutes(5)))
                .buildAsync(URI.create("ws://localhost:" + base.getPort() + AgentClient.PATH), deaf)
                .get(30, TimeUnit.SECONDS);
        String ping = "{\"type\": \"ping\", \"ref\": \"" + "p".repeat(60) + "\"}";
        try {
            // each pong is about 100 bytes: 400,000 of them are far more than the 1 MiB write limit and
            // the sockets' buffers together
            for (int i = 1; i <= 400_000; i++) {
                socket.sendText(ping, true).get(10, TimeUnit.SECONDS);
                if (i % 10_000 == 0 && closed("not_reading") > before) {
                    break;
                }
            }
        } catch (Exception closedMeanwhile) {
            // the gateway closed the connection while pings were still being sent
        } finally {
            socket.abort();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(closed("not_reading")).isEqualTo(before + 1));
    }

    @Test
    void aReconnectReadsOnlyItsOwnChatbotsMissedEventsAndAtMostTheBound() throws Exception {
        String mine = "bot-" + UUID.randomUUID();
        String theirs = "bot-" + UUID.randomUUID();
        long start = snapshots.snapshot(ChatbotScope.everyChatbot(), null, 1, Duration.ofMinutes(1), 10).head();
        for (int i = 0; i < 3; i++) {
            produce(kafka, escalation(mine, i));
            produce(kafka, escalation(theirs, i));
        }
        await().atMost(WAIT).until(() -> snapshots.snapshot(ChatbotScope.of(List.of(mine, theirs)), start, 50,
                Duration.ofMinutes(30), 100).missed().size() == 6);

        InboxSnapshots.Snapshot bounded = snapshots.snapshot(ChatbotScope.of(List.of(mine)), start, 50,
                Duration.ofMinutes(30), 2);

        assertThat(bounded.missed()).hasSize(2).allMatch(e -> e.chatbotId().equals(mine));
        assertThat(bounded.missedTruncated()).isTrue();
        assertThat(bounded.missed().get(0).seq()).isLessThan(bounded.missed().get(1).seq());
        InboxSnapshots.Snapshot all = snapshots.snapshot(ChatbotScope.of(List.of(mine)), start, 50, Duration.ofMinutes(30), 10);
        assertThat(all.missed()).hasSize(3).allMatch(e -> e.chatbotId().equals(mine));
        assertThat(all.missedTruncated()).isFalse();
        assertThat(bounded.missed().get(1).seq()).isEqualTo(all.missed().get(2).seq());
    }

    private static EscalationCreated escalation(String chatbot, int i) {
        return SampleEvents.escalation(chatbot, Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L),
                "Can I talk to a person? " + i);
    }
}
