package io.handoff.slack;

import io.handoff.events.Topics;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.SlackApiStandIn;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.handoff.slack.SlackTestSupport.WAIT;
import static io.handoff.slack.SlackTestSupport.asAdmin;
import static io.handoff.slack.SlackTestSupport.asOwnerOf;
import static io.handoff.slack.SlackTestSupport.kafka;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "slack"))
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(SlackStandInResource.class)
class SlackConnectionApiTest {

    @Test
    void aBotTokenAndChannelConnectTheChatbotAndAreAnnouncedWithoutTheToken() {
        String chatbot = "bot-" + UUID.randomUUID();

        String body = asAdmin().contentType("application/json")
                .body("{\"botToken\":\"" + SlackStandInResource.BOT_TOKEN + "\",\"channelId\":\"C0SUPPORT\"}")
                .put("/api/v1/chatbots/{id}/slack", chatbot)
                .then().statusCode(200)
                .body("teamId", equalTo(SlackApiStandIn.TEAM_ID))
                .body("channelId", equalTo("C0SUPPORT"))
                .body("botTokenSet", equalTo(true))
                .extract().asString();
        assertThat(body).doesNotContain(SlackStandInResource.BOT_TOKEN);

        RecordingHttpServer.Request check = SlackStandInResource.standIn.recorder().awaitRequest(r ->
                r.path().equals("/api/conversations.info")
                        && SlackApiStandIn.form(r).get("channel").equals("C0SUPPORT"), WAIT);
        assertThat(check.header("Authorization")).isEqualTo("Bearer " + SlackStandInResource.BOT_TOKEN);

        ConsumerRecord<String, String> announced = kafka().awaitRecord(Topics.SLACK_CONNECTIONS,
                r -> chatbot.equals(r.key()) && r.value() != null, WAIT);
        assertThat(announced.value()).contains("\"type\":\"slack.connection\"").contains("\"teamId\":\"T0LOCAL\"")
                .contains("\"channelId\":\"C0SUPPORT\"").doesNotContain(SlackStandInResource.BOT_TOKEN);

        asOwnerOf(chatbot).get("/api/v1/chatbots/{id}/slack", chatbot).then().statusCode(200)
                .body("teamName", equalTo(SlackApiStandIn.TEAM_NAME))
                .body("botToken", equalTo(null));
    }

    @Test
    void aTokenSlackRefusesIsA400NamingTheField() {
        String revoked = "xoxb-revoked-" + UUID.randomUUID();
        SlackStandInResource.standIn.revoke(revoked);

        asAdmin().contentType("application/json")
                .body("{\"botToken\":\"" + revoked + "\",\"channelId\":\"C0SUPPORT\"}")
                .put("/api/v1/chatbots/{id}/slack", "bot-revoked")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("botToken"))
                .body("errors[0].message", containsString("token_revoked"))
                .body(org.hamcrest.Matchers.not(containsString(revoked)));
    }

    @Test
    void aChannelTheBotCannotSeeIsA400NamingTheField() {
        asAdmin().contentType("application/json")
                .body("{\"botToken\":\"" + SlackStandInResource.BOT_TOKEN + "\",\"channelId\":\"support\"}")
                .put("/api/v1/chatbots/{id}/slack", "bot-bad-channel")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("channelId"))
                .body("errors[0].message", containsString("channel_not_found"));
        asAdmin().contentType("application/json").body("{\"channelId\":\"C0SUPPORT\"}")
                .put("/api/v1/chatbots/{id}/slack", "bot-no-token")
                .then().statusCode(400).body("errors[0].field", equalTo("botToken"));
    }

    @Test
    void aBodyThatIsNotAConnectionIsAProblemDocument() {
        for (String body : new String[] {"[", "42", "\"text\"", "{\"botToken\": {}}", "{\"channelId\": [\"C1\"]}",
                "{\"botToken\": \"x\"} trailing", "[".repeat(5_000)}) {
            asAdmin().contentType("application/json").body(body)
                    .put("/api/v1/chatbots/{id}/slack", "bot-unreadable")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("title", equalTo("Unreadable request body"));
        }
    }

    @Test
    void connectingNeedsATokenThatManagesTheChatbot() {
        given().get("/api/v1/chatbots/{id}/slack", "bot-a").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        asOwnerOf("bot-b").contentType("application/json")
                .body("{\"botToken\":\"" + SlackStandInResource.BOT_TOKEN + "\",\"channelId\":\"C0SUPPORT\"}")
                .put("/api/v1/chatbots/{id}/slack", "bot-a")
                .then().statusCode(403).contentType("application/problem+json");
        asOwnerOf("bot-b").post("/api/v1/chatbots/{id}/slack/install-link", "bot-a").then().statusCode(403);
    }

    @Test
    void aChatbotIdWithAControlCharacterIsABadRequestNotAnOutage() {
        asAdmin().urlEncodingEnabled(false).get("/api/v1/chatbots/bot%00a/slack").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Invalid path"));
        asAdmin().urlEncodingEnabled(false).delete("/api/v1/chatbots/bot%01a/slack").then().statusCode(400);
    }

    @Test
    void anAgentOfTheChatbotCannotConnectOrDisconnectSlack() {
        // an agent's console token is not meant for this API
        String consoleToken = TokenIssuer.shared().agent("agent-kim", "Kim", List.of("bot-a"), Duration.ofMinutes(5));
        given().auth().oauth2(consoleToken).get("/api/v1/chatbots/{id}/slack", "bot-a").then().statusCode(401);
        // nor is the agent role, even on a token for the API
        String agentForApi = TokenIssuer.shared().token("agent-kim", null, List.of(TokenIssuer.AGENT_GROUP),
                List.of("bot-a"), List.of(TokenIssuer.API_AUDIENCE), Instant.now().plus(Duration.ofMinutes(5)));
        given().auth().oauth2(agentForApi).contentType("application/json")
                .body("{\"botToken\":\"" + SlackStandInResource.BOT_TOKEN + "\",\"channelId\":\"C0SUPPORT\"}")
                .put("/api/v1/chatbots/{id}/slack", "bot-a")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(agentForApi).delete("/api/v1/chatbots/{id}/slack", "bot-a").then().statusCode(403);
        given().auth().oauth2(agentForApi).post("/api/v1/chatbots/{id}/slack/install-link", "bot-a").then().statusCode(403);
    }

    @Test
    void theOAuthInstallConnectsTheChannelTheAdminChose() {
        String chatbot = "bot-" + UUID.randomUUID();
        String installUrl = asOwnerOf(chatbot).post("/api/v1/chatbots/{id}/slack/install-link", chatbot)
                .then().statusCode(201).extract().path("installUrl");
        assertThat(installUrl).startsWith(SlackStandInResource.PUBLIC_URL + "/slack/install?state=");
        String state = query(URI.create(installUrl)).get("state");

        Response toSlack = given().redirects().follow(false).get("/slack/install?state=" + state);
        assertThat(toSlack.statusCode()).isEqualTo(302);
        URI authorize = URI.create(toSlack.header("Location"));
        Map<String, String> asked = query(authorize);
        assertThat(authorize.getPath()).isEqualTo("/oauth/v2/authorize");
        assertThat(asked).containsEntry("client_id", SlackStandInResource.CLIENT_ID)
                .containsEntry("state", state)
                .containsEntry("redirect_uri", SlackStandInResource.PUBLIC_URL + "/slack/oauth/callback");
        assertThat(asked.get("scope").split(",")).contains("chat:write", "channels:history", "incoming-webhook");

        given().get("/slack/oauth/callback?code=code-42&state=" + state)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Slack is connected")).body(containsString(SlackApiStandIn.INSTALL_CHANNEL_NAME));

        RecordingHttpServer.Request exchange = SlackStandInResource.standIn.recorder().awaitRequest(r ->
                r.path().equals("/api/oauth.v2.access") && r.bodyText().contains("code-42"), WAIT);
        assertThat(SlackApiStandIn.form(exchange)).containsEntry("redirect_uri",
                SlackStandInResource.PUBLIC_URL + "/slack/oauth/callback");
        asAdmin().get("/api/v1/chatbots/{id}/slack", chatbot).then().statusCode(200)
                .body("channelId", equalTo(SlackApiStandIn.INSTALL_CHANNEL_ID))
                .body("teamId", equalTo(SlackApiStandIn.TEAM_ID));
        kafka().awaitRecord(Topics.SLACK_CONNECTIONS, r -> chatbot.equals(r.key()) && r.value() != null
                && r.value().contains(SlackApiStandIn.INSTALL_CHANNEL_ID), WAIT);

        // the state is good for one install only
        given().get("/slack/oauth/callback?code=code-43&state=" + state).then().statusCode(400)
                .body(containsString("already used"));
    }

    @Test
    void anUnknownStateOrACancelledInstallChangesNothing() {
        given().redirects().follow(false).get("/slack/install?state=forged").then().statusCode(400)
                .body(containsString("unknown or has expired"));
        given().get("/slack/oauth/callback?code=code-1&state=forged").then().statusCode(400);

        String chatbot = "bot-" + UUID.randomUUID();
        String installUrl = asAdmin().post("/api/v1/chatbots/{id}/slack/install-link", chatbot)
                .then().statusCode(201).extract().path("installUrl");
        String state = query(URI.create(installUrl)).get("state");
        given().get("/slack/oauth/callback?error=access_denied&state=" + state).then().statusCode(400)
                .body(containsString("access_denied"));
        given().get("/slack/oauth/callback?code=wrong&state=" + state).then().statusCode(400)
                .body(containsString("invalid_code"));
        asAdmin().get("/api/v1/chatbots/{id}/slack", chatbot).then().statusCode(404);
    }

    @Test
    void disconnectingAnnouncesATombstone() {
        String chatbot = "bot-" + UUID.randomUUID();
        SlackTestSupport.connect(chatbot, "C0GONE");

        asAdmin().delete("/api/v1/chatbots/{id}/slack", chatbot).then().statusCode(204);

        kafka().awaitRecord(Topics.SLACK_CONNECTIONS, r -> chatbot.equals(r.key()) && r.value() == null, WAIT);
        asAdmin().get("/api/v1/chatbots/{id}/slack", chatbot).then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().delete("/api/v1/chatbots/{id}/slack", chatbot).then().statusCode(404);
    }

    @Test
    void tokensAndSecretsNeverReachTheLog() throws Exception {
        String revoked = "xoxb-revoked-for-log-" + UUID.randomUUID();
        SlackStandInResource.standIn.revoke(revoked);
        SlackTestSupport.connect("bot-log-" + UUID.randomUUID(), "C0LOG");
        asAdmin().contentType("application/json").body("{\"botToken\":\"" + revoked + "\",\"channelId\":\"C0LOG\"}")
                .put("/api/v1/chatbots/{id}/slack", "bot-log").then().statusCode(400);
        String installUrl = asAdmin().post("/api/v1/chatbots/{id}/slack/install-link", "bot-log")
                .then().statusCode(201).extract().path("installUrl");
        given().get("/slack/oauth/callback?code=code-log&state=" + query(URI.create(installUrl)).get("state"))
                .then().statusCode(200);

        java.nio.file.Path log = java.nio.file.Path.of("target/notifier-slack-test.log");
        String written = java.nio.file.Files.readString(log);
        assertThat(written).contains("Slack connected");
        assertThat(written).doesNotContain(SlackStandInResource.BOT_TOKEN).doesNotContain(revoked)
                .doesNotContain(SlackApiStandIn.INSTALLED_BOT_TOKEN)
                .doesNotContain(SlackStandInResource.CLIENT_SECRET).doesNotContain(SlackStandInResource.SIGNING_SECRET);
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
