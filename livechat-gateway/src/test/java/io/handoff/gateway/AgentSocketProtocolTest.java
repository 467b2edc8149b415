package io.handoff.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class AgentSocketProtocolTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgentConnections connections;

    private AgentClient connectAgent() {
        return AgentClient.connect(URI.create("ws://localhost:" + base.getPort() + AgentSocket.PATH));
    }

    @Test
    void firstFrameIsHelloWithTheProtocolVersionThenTheQueue() throws Exception {
        try (AgentClient agent = connectAgent()) {
            List<JsonNode> frames = agent.awaitFrames(2);

            assertThat(frames.get(0)).isEqualTo(EventJson.mapper().readTree("{\"type\":\"hello\",\"protocol\":1}"));
            assertThat(frames.get(1).get("type").asText()).isEqualTo("queue");
            assertThat(frames.get(1).get("escalations").isArray()).isTrue();
        }
    }

    @Test
    void framesFromAgentsAreAnsweredWithAnErrorAndTheConnectionStaysOpen() {
        try (AgentClient agent = connectAgent()) {
            agent.awaitFrames(2);

            agent.send("{\"type\":\"claim\",\"conversationId\":\"456\"}");
            List<JsonNode> afterClaim = agent.awaitFrames(3);
            agent.send("this is not JSON");
            List<JsonNode> afterGarbage = agent.awaitFrames(4);

            JsonNode claimError = afterClaim.get(2);
            assertThat(claimError.fieldNames()).toIterable().containsExactly("type", "error", "detail");
            assertThat(claimError.get("type").asText()).isEqualTo("error");
            assertThat(claimError.get("error").asText()).isEqualTo("unsupported_frame");
            assertThat(claimError.get("detail").asText()).contains("\"claim\"");
            JsonNode garbageError = afterGarbage.get(3);
            assertThat(garbageError.get("error").asText()).isEqualTo("unsupported_frame");
            assertThat(garbageError.get("detail").asText())
                    .contains("JSON objects")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(agent.isClosed()).isFalse();
        }
    }

    @Test
    void closedConnectionsLeaveTheRegistry() {
        int before = connections.count();
        AgentClient agent = connectAgent();
        agent.awaitFrames(2);
        assertThat(connections.count()).isEqualTo(before + 1);

        agent.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> connections.count() == before);
    }

    @Test
    void plainHttpRequestIsToldToUpgrade() {
        given().when().get(AgentSocket.PATH)
                .then().statusCode(426).header("Upgrade", "websocket");
    }
}
