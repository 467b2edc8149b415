package io.handoff.slack;

import com.slack.api.app_backend.SlackSignature;
import io.handoff.events.Topics;
import io.handoff.events.agent.AgentReply;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.SlackApiStandIn;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.handoff.slack.SlackTestSupport.WAIT;
import static io.handoff.slack.SlackTestSupport.command;
import static io.handoff.slack.SlackTestSupport.connect;
import static io.handoff.slack.SlackTestSupport.kafka;
import static io.handoff.slack.SlackTestSupport.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "slack"))
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(SlackStandInResource.class)
class SlackEventsTest {

    private static final SlackSignature.Generator SLACK = new SlackSignature.Generator(SlackStandInResource.SIGNING_SECRET);

    @Test
    void answersSlacksUrlVerificationChallenge() {
        String body = "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";

        signed(body, Instant.now()).post("/slack/events").then().statusCode(200)
                .body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void refusesRequestsWithABadStaleOrMissingSignature() {
        String body = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
        String ts = String.valueOf(Instant.now().getEpochSecond());

        given().header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", SLACK.generate(ts, body).replace('a', 'b').replace('1', '2'))
                .body(body).post("/slack/events")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("signature does not match"));

        signed(body, Instant.now().minus(Duration.ofMinutes(6))).post("/slack/events")
                .then().statusCode(401).body("detail", containsString("five minutes"));

        given().body(body).post("/slack/events").then().statusCode(401).body("detail", containsString("not signed"));

        // a body changed after signing fails too
        given().header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", SLACK.generate(ts, body))
                .body(body.replace("\"c\"", "\"d\"")).post("/slack/events").then().statusCode(401);
    }

    @Test
    void anUnsignedOrOversizedEventIsRefusedBeforeItsBodyIsTaken() throws Exception {
        // 800 KiB without a signature: refused from the headers, with 401, not buffered and then refused
        String big = "{\"type\":\"event_callback\",\"x\":\"" + "a".repeat(800 * 1024) + "\"}";
        given().contentType("application/json").body(big).post("/slack/events")
                .then().statusCode(401).contentType("application/problem+json").body("detail", containsString("not signed"));
        // signed, but larger than any Slack event
        String large = "{\"type\":\"event_callback\",\"x\":\"" + "a".repeat(600 * 1024) + "\"}";
        signed(large, Instant.now()).post("/slack/events").then().statusCode(413).contentType("application/problem+json");
        // a stale timestamp is refused before the body too
        signed(big, Instant.now().minus(Duration.ofMinutes(10))).post("/slack/events").then().statusCode(401);
        // and a signed body of unknown length (chunked) is not buffered to find out how long it is
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String small = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/slack/events"))
                .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", SLACK.generate(ts, small))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(small.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
    }

    @Test
    void aReplyInAnEscalationThreadBecomesAnAgentReplyForTheGateway() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0AGENTS");
        EscalationCreated escalation = SampleEvents.escalation(chatbot, 470, "reply " + UUID.randomUUID());
        send(command(escalation, "C0AGENTS", false));
        String threadTs = threadTs(escalation);
        String ignoredMarker = "ignored " + UUID.randomUUID();

        // neither a top-level message nor the bot's own thread post is an agent's reply
        event(message("C0AGENTS", "U0AGENT", ignoredMarker, "1800000000.000001", null)).then().statusCode(200);
        event(message("C0AGENTS", SlackApiStandIn.BOT_USER_ID, ignoredMarker, "1800000000.000002", threadTs))
                .then().statusCode(200);
        String replyTs = "1800000000.000003";
        event(message("C0AGENTS", "U0AGENT", "Hi Jane &amp; welcome, I\u2019m on it. See <https://acme.example/refunds|our policy>",
                replyTs, threadTs)).then().statusCode(200);

        ConsumerRecord<String, String> record = kafka().awaitRecord(Topics.AGENT_COMMANDS,
                r -> r.value().contains(replyTs), WAIT);
        assertThat(record.key()).isEqualTo("470");
        AgentReply reply = new EventDecoder().decode(record.value(), AgentReply.class);
        assertThat(reply.escalationId()).isEqualTo(escalation.escalationId());
        assertThat(reply.chatbot().key()).isEqualTo(chatbot);
        assertThat(reply.source()).isEqualTo("slack");
        assertThat(reply.agent().id()).isEqualTo("slack:" + SlackApiStandIn.TEAM_ID + ":U0AGENT");
        assertThat(reply.agent().name()).isEqualTo("Sam");
        assertThat(reply.messageId()).isEqualTo("slack:" + SlackApiStandIn.TEAM_ID + ":C0AGENTS:" + replyTs);
        assertThat(reply.text()).isEqualTo("Hi Jane & welcome, I\u2019m on it. See our policy (https://acme.example/refunds)");
        assertThat(kafka().readAll(Topics.AGENT_COMMANDS, Duration.ofMillis(500)))
                .noneMatch(r -> r.value() != null && r.value().contains(ignoredMarker));
    }

    private static String message(String channel, String user, String text, String ts, String threadTs) {
        return "{\"token\":\"x\",\"team_id\":\"" + SlackApiStandIn.TEAM_ID + "\",\"api_app_id\":\"A0APP\","
                + "\"type\":\"event_callback\",\"event_id\":\"Ev" + UUID.randomUUID() + "\",\"event_time\":1800000000,"
                + "\"event\":{\"type\":\"message\",\"channel\":\"" + channel + "\",\"user\":\"" + user + "\","
                + "\"text\":\"" + text + "\",\"ts\":\"" + ts + "\""
                + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"")
                + (user.equals(SlackApiStandIn.BOT_USER_ID) ? ",\"bot_id\":\"B0BOT\"" : "")
                + ",\"channel_type\":\"channel\"}}";
    }

    private static io.restassured.response.Response event(String body) {
        return signed(body, Instant.now()).post("/slack/events");
    }

    private static RequestSpecification signed(String body, Instant at) {
        String ts = String.valueOf(at.getEpochSecond());
        return given().contentType("application/json").header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", SLACK.generate(ts, body)).body(body);
    }

    private static String threadTs(EscalationCreated escalation) {
        ConsumerRecord<String, String> posted = kafka().awaitRecord(Topics.DELIVERIES,
                r -> escalation.escalationId().equals(r.key()) && r.value().contains("posted, ts "), WAIT);
        return posted.value().replaceAll(".*posted, ts ([0-9.]+).*", "$1");
    }
}
