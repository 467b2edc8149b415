package io.handoff.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.testing.AgentClient;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class AgentSocketProtocolTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgentConnections connections;

    private static String token(String... chatbots) {
        return TokenIssuer.shared().agent("agent-7", "Sam", List.of(chatbots), Duration.ofMinutes(5));
    }

    @Test
    void helloNamesTheAgentAndTheirChatbotsThenTheInboxFollows() {
        try (AgentClient agent = AgentClient.connect(base, token("bot-a", "bot-b"))) {
            List<JsonNode> frames = agent.frames();

            JsonNode hello = frames.get(0);
            assertThat(hello.get("type").asText()).isEqualTo("hello");
            assertThat(hello.get("protocol").asInt()).isEqualTo(2);
            assertThat(hello.get("agent").get("id").asText()).isEqualTo("agent-7");
            assertThat(hello.get("agent").get("name").asText()).isEqualTo("Sam");
            assertThat(hello.get("chatbots")).extracting(JsonNode::asText).containsExactly("bot-a", "bot-b");
            assertThat(hello.get("allChatbots").asBoolean()).isFalse();
            assertThat(frames.get(1).get("type").asText()).isEqualTo("inbox");
            assertThat(frames.get(1).get("conversations").isArray()).isTrue();
            assertThat(frames.get(1).get("seq").asLong()).isEqualTo(hello.get("seq").asLong());
        }
    }

    @Test
    void anAdministratorServesEveryChatbot() {
        try (AgentClient admin = AgentClient.connect(base, TokenIssuer.shared().admin("lead@example.com", Duration.ofMinutes(5)))) {
            JsonNode hello = admin.frames().get(0);
            assertThat(hello.get("allChatbots").asBoolean()).isTrue();
            assertThat(hello.get("chatbots")).isEmpty();
        }
    }

    @Test
    void theTokenCanComeAsASubProtocolAndTheGatewayAnswersWithItsOwn() {
        try (AgentClient agent = AgentClient.connectWithSubProtocol(base, token("bot-a"))) {
            List<JsonNode> frames = agent.awaitFrames(2);
            assertThat(frames.get(0).get("agent").get("id").asText()).isEqualTo("agent-7");
            assertThat(agent.subProtocol()).isEqualTo(AgentAuthenticator.SUB_PROTOCOL);
        }
    }

    @Test
    void connectionsWithoutAValidTokenAreRefusedWithAProblemBeforeTheUpgrade() {
        String expired = TokenIssuer.shared().expiredAgent("agent-7", List.of("bot-a"));
        String foreign = TokenIssuer.generate().agent("agent-7", "Sam", List.of("bot-a"), Duration.ofMinutes(5));
        for (String query : List.of("", "?access_token=not-a-jwt", "?access_token=" + expired, "?access_token=" + foreign)) {
            upgrade(query)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401))
                    .body("detail", not(containsString("Exception")));
        }
    }

    @Test
    void aTokenThatNamesNoChatbotIsForbidden() {
        upgrade("?access_token=" + token())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("not an agent's"));
    }

    @Test
    void onlyAgentsAndTheGlobalAdministratorMayConnect() {
        Instant soon = Instant.now().plus(Duration.ofMinutes(5));
        // an administrator of a chatbot configures it; answering its visitors takes the agent role
        String chatbotAdmin = TokenIssuer.shared().token("owner", null, List.of(TokenIssuer.CHATBOT_ADMIN_GROUP),
                List.of("bot-a"), List.of(TokenIssuer.CONSOLE_AUDIENCE), soon);
        upgrade("?access_token=" + chatbotAdmin).then().statusCode(403).contentType("application/problem+json");
        // listed for the chatbot, in no group
        String noRole = TokenIssuer.shared().token("someone", null, List.of(), List.of("bot-a"),
                List.of(TokenIssuer.CONSOLE_AUDIENCE), soon);
        upgrade("?access_token=" + noRole).then().statusCode(403);
        // an agent's token for the APIs, not the console
        String forTheApi = TokenIssuer.shared().token("agent-7", null, List.of(TokenIssuer.AGENT_GROUP), List.of("bot-a"),
                List.of(TokenIssuer.API_AUDIENCE), soon);
        upgrade("?access_token=" + forTheApi).then().statusCode(401);
    }

    @Test
    void anAfterThatIsNotASeqIsABadRequest() {
        upgrade("?access_token=" + token("bot-a") + "&after=yesterday")
                .then().statusCode(400)
                .body("detail", containsString("after"));
    }

    @Test
    void malformedFramesAreAnsweredWithAnErrorAndTheConnectionStaysOpen() {
        try (AgentClient agent = AgentClient.connect(base, token("bot-a"))) {
            agent.send("this is not JSON");
            agent.send("{\"type\":\"dance\"}");
            agent.send("{\"type\":\"send\",\"ref\":\"r1\",\"conversationId\":\"42\"}");
            agent.send("{\"type\":\"send\",\"ref\":\"r2\",\"conversationId\":\"42\",\"text\":\"" + "x".repeat(4001) + "\"}");
            agent.send("{\"type\":\"open\",\"ref\":\"r3\"}");
            agent.send("{\"type\":\"typing\",\"ref\":\"r4\",\"conversationId\":\"42\",\"typing\":\"yes\"}");
            List<JsonNode> frames = agent.awaitFrames(8);

            assertThat(frames.get(2).get("error").asText()).isEqualTo("unsupported_frame");
            assertThat(frames.get(2).get("detail").asText()).contains("JSON objects").doesNotContain("Exception");
            assertThat(frames.get(3).get("error").asText()).isEqualTo("unsupported_frame");
            assertThat(frames.get(3).get("detail").asText()).contains("\"dance\"");
            for (int i = 4; i < 8; i++) {
                assertThat(frames.get(i).get("type").asText()).isEqualTo("error");
                assertThat(frames.get(i).get("error").asText()).isEqualTo("invalid_frame");
                assertThat(frames.get(i).get("ref").asText()).isEqualTo("r" + (i - 3));
            }
            assertThat(frames.get(4).get("detail").asText()).contains("\"text\"");
            assertThat(frames.get(5).get("detail").asText()).contains("4000");
            assertThat(frames.get(6).get("detail").asText()).contains("\"conversationId\"");
            assertThat(agent.isClosed()).isFalse();
        }
    }

    @Test
    void aPingIsAnsweredWithAPong() {
        try (AgentClient agent = AgentClient.connect(base, token("bot-a"))) {
            agent.send("{\"type\":\"ping\",\"ref\":\"p1\"}");
            JsonNode pong = agent.awaitFrame(f -> "pong".equals(f.path("type").asText()));
            assertThat(pong.get("ref").asText()).isEqualTo("p1");
        }
    }

    @Test
    void closedConnectionsLeaveTheRegistry() {
        int before = connections.count();
        AgentClient agent = AgentClient.connect(base, token("bot-a"));
        assertThat(connections.count()).isEqualTo(before + 1);

        agent.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> connections.count() == before);
    }

    @Test
    void plainHttpRequestIsToldToUpgrade() {
        given().when().get(AgentSocket.PATH)
                .then().statusCode(426).header("Upgrade", "websocket");
    }

    private static io.restassured.response.Response upgrade(String query) {
        return given().urlEncodingEnabled(false)
                .header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .when().get(AgentSocket.PATH + query);
    }
}
