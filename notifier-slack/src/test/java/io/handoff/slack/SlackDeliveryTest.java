package io.handoff.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.AgentRef;
import io.handoff.events.Topics;
import io.handoff.events.directive.LivechatEnded;
import io.handoff.events.directive.LivechatStarted;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.NotifySlack;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.SlackApiStandIn;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.handoff.slack.SlackTestSupport.WAIT;
import static io.handoff.slack.SlackTestSupport.asAdmin;
import static io.handoff.slack.SlackTestSupport.command;
import static io.handoff.slack.SlackTestSupport.connect;
import static io.handoff.slack.SlackTestSupport.kafka;
import static io.handoff.slack.SlackTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "slack"))
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(SlackStandInResource.class)
class SlackDeliveryTest {

    @Test
    void postsABlockKitMessageWithATextFallbackAndReportsIt() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0SUPPORT");
        String marker = "order " + UUID.randomUUID();
        EscalationCreated escalation = SampleEvents.escalation(chatbot, 456, "Please help with " + marker);
        NotifySlack command = command(escalation, "C0SUPPORT", false);

        send(command);

        Map<String, String> form = SlackApiStandIn.form(awaitPost(marker));
        assertThat(form).containsEntry("channel", "C0SUPPORT");
        assertThat(form.get("text")).contains("My Chatbot: Visitor needs human assistance")
                .contains("Asked for a person").contains(marker).contains(command.inboxUrl());
        JsonNode blocks = EventJson.mapper().readTree(form.get("blocks"));
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("My Chatbot: Visitor needs human assistance");
        String all = blocks.toString();
        assertThat(all).contains("*Chatbot*\\nMy Chatbot")
                .contains("Asked for a person (\u201cspeak with someone\u201d)")
                .contains("Jane Doe").contains("mailto:visitor@example.com")
                .contains("*Last message*\\n>Please help with " + marker)
                .contains("*Recent conversation*").contains("*Chatbot:* Could you share the order number?")
                .contains("Waiting for an agent");
        JsonNode button = blocks.findValue("elements").get(0);
        assertThat(button.path("type").asText()).isEqualTo("button");
        assertThat(button.path("url").asText()).isEqualTo(command.inboxUrl());
        assertThat(button.path("text").path("text").asText()).isEqualTo("Open conversation");

        ConsumerRecord<String, String> report = kafka().awaitRecord(Topics.DELIVERIES,
                r -> r.value().contains(command.deliveryId()) && r.value().contains("\"delivered\""), WAIT);
        assertThat(report.key()).isEqualTo(escalation.escalationId());
        assertThat(report.value()).contains("\"channel\":\"slack\"").doesNotContain(SlackStandInResource.BOT_TOKEN);
    }

    @Test
    void anotherChatbotsConnectToTheSameWorkspaceDoesNotChangeWhatThisOnePostsWith() throws Exception {
        String mine = "bot-" + UUID.randomUUID();
        String theirs = "bot-" + UUID.randomUUID();
        String myToken = "xoxb-mine-" + UUID.randomUUID();
        connectWithToken(mine, myToken, "C0MINE");
        // another tenant connects its own token to the same workspace afterwards
        connectWithToken(theirs, "xoxb-theirs-" + UUID.randomUUID(), "C0THEIRS");

        String marker = "order " + UUID.randomUUID();
        send(command(SampleEvents.escalation(mine, 470, "Please help with " + marker), null, false));

        RecordingHttpServer.Request posted = awaitPost(marker);
        assertThat(posted.header("Authorization")).isEqualTo("Bearer " + myToken);
        assertThat(SlackApiStandIn.form(posted)).containsEntry("channel", "C0MINE");

        // and a command that names the other tenant's channel still posts with this chatbot's token only
        String second = "order " + UUID.randomUUID();
        send(command(SampleEvents.escalation(mine, 471, "Please help with " + second), "C0THEIRS", false));
        assertThat(awaitPost(second).header("Authorization")).isEqualTo("Bearer " + myToken);
    }

    private static void connectWithToken(String chatbotId, String botToken, String channelId) {
        asAdmin().contentType("application/json")
                .body("{\"botToken\":\"" + botToken + "\",\"channelId\":\"" + channelId + "\"}")
                .put("/api/v1/chatbots/{id}/slack", chatbotId)
                .then().statusCode(200);
    }

    @Test
    void aRedeliveredCommandDoesNotPostTwice() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0SUPPORT");
        String marker = "twice " + UUID.randomUUID();
        NotifySlack command = command(SampleEvents.escalation(chatbot, 457, marker), "C0SUPPORT", false);

        send(command);
        kafka().awaitRecord(Topics.DELIVERIES, r -> r.value().contains(command.deliveryId())
                && r.value().contains("posted"), WAIT);
        send(command);
        kafka().awaitRecord(Topics.DELIVERIES, r -> r.value().contains(command.deliveryId())
                && r.value().contains("already posted"), WAIT);

        assertThat(posts(marker)).hasSize(1);
    }

    @Test
    void withoutAChannelInTheCommandTheConnectedChannelIsUsed() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0CHOSEN");
        String marker = "default channel " + UUID.randomUUID();

        send(command(SampleEvents.escalation(chatbot, 458, marker), null, false));

        assertThat(SlackApiStandIn.form(awaitPost(marker))).containsEntry("channel", "C0CHOSEN");
    }

    @Test
    void agentJoinedAndLiveChatEndedArePostedInTheThreadAndUpdateTheFirstMessage() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0THREADS");
        String marker = "thread " + UUID.randomUUID();
        EscalationCreated escalation = SampleEvents.escalation(chatbot, 459, marker);
        send(command(escalation, "C0THREADS", false));
        String threadTs = threadTs(escalation);

        AgentRef sam = new AgentRef("agent-7", "Sam");
        LivechatStarted started = new LivechatStarted(null, UUID.randomUUID().toString(), Instant.now(),
                escalation.chatbot(), escalation.conversation(), escalation.escalationId(), sam, "Sam joined.");
        String startedJson = EventJson.mapper().writeValueAsString(started);
        kafka().send(Topics.DIRECTIVES, "459", startedJson);

        RecordingHttpServer.Request joined = awaitCall("chat.postMessage",
                f -> threadTs.equals(f.get("thread_ts")) && f.get("text").contains("joined the conversation"));
        assertThat(SlackApiStandIn.form(joined).get("text")).contains("*Sam* joined the conversation");
        RecordingHttpServer.Request claimed = awaitCall("chat.update",
                f -> threadTs.equals(f.get("ts")) && f.get("blocks").contains("Claimed by Sam"));
        assertThat(SlackApiStandIn.form(claimed)).containsEntry("channel", "C0THREADS");
        assertThat(SlackApiStandIn.form(claimed).get("blocks")).contains(marker).doesNotContain("Waiting for an agent");

        // the same directive again changes nothing
        kafka().send(Topics.DIRECTIVES, "459", startedJson);
        LivechatEnded ended = new LivechatEnded(null, UUID.randomUUID().toString(), Instant.now(),
                escalation.chatbot(), escalation.conversation(), sam, "Live chat ended.");
        kafka().send(Topics.DIRECTIVES, "459", EventJson.mapper().writeValueAsString(ended));

        awaitCall("chat.update", f -> threadTs.equals(f.get("ts")) && f.get("blocks").contains("Resolved by Sam"));
        assertThat(calls("chat.postMessage", f -> threadTs.equals(f.get("thread_ts"))
                && f.get("text").contains("joined the conversation"))).hasSize(1);
        assertThat(calls("chat.postMessage", f -> threadTs.equals(f.get("thread_ts"))
                && f.get("text").contains("ended the live chat"))).hasSize(1);
    }

    @Test
    void aReminderIsPostedInTheEscalationsThread() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0REMIND");
        EscalationCreated escalation = SampleEvents.escalation(chatbot, 460, "remind " + UUID.randomUUID());
        send(command(escalation, "C0REMIND", false));
        String threadTs = threadTs(escalation);

        NotifySlack reminder = command(escalation, "C0REMIND", true);
        send(reminder);

        RecordingHttpServer.Request posted = awaitCall("chat.postMessage",
                f -> threadTs.equals(f.get("thread_ts")) && f.get("text").contains("Reminder"));
        assertThat(SlackApiStandIn.form(posted)).containsEntry("reply_broadcast", "1");
        assertThat(SlackApiStandIn.form(posted).get("text")).contains(reminder.inboxUrl());
        kafka().awaitRecord(Topics.DELIVERIES, r -> r.value().contains(reminder.deliveryId())
                && r.value().contains("\"delivered\""), WAIT);
    }

    @Test
    void http429HoldsThatChannelForItsRetryAfterWhileOtherChannelsGoOn() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0SLOW");
        String slow = "slow " + UUID.randomUUID();
        String fast = "fast " + UUID.randomUUID();
        SlackStandInResource.standIn.answerOnce("chat.postMessage",
                f -> f.getOrDefault("text", "").contains(slow), SlackApiStandIn.rateLimited(2));
        NotifySlack slowCommand = command(SampleEvents.escalation(chatbot, 461, slow), "C0SLOW", false);

        send(slowCommand);
        RecordingHttpServer.Request limited = awaitPost(slow);
        send(command(SampleEvents.escalation(chatbot, 462, fast), "C0FAST", false));

        ConsumerRecord<String, String> retrying = kafka().awaitRecord(Topics.DELIVERIES,
                r -> r.value().contains(slowCommand.deliveryId()) && r.value().contains("\"retrying\""), WAIT);
        assertThat(retrying.value()).contains("HTTP 429").contains("Retry-After 2s");
        kafka().awaitRecord(Topics.DELIVERIES, r -> r.value().contains(slowCommand.deliveryId())
                && r.value().contains("\"delivered\""), WAIT);

        List<RecordingHttpServer.Request> slowPosts = posts(slow);
        assertThat(slowPosts).hasSize(2);
        List<RecordingHttpServer.Request> all = SlackStandInResource.standIn.recorder().requests();
        int first = all.indexOf(limited);
        int fastAt = all.indexOf(posts(fast).get(0));
        int retryAt = all.indexOf(slowPosts.get(1));
        assertThat(fastAt).as("the other channel is not held up").isBetween(first, retryAt);
        assertThat(elapsed(limited, slowPosts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void slackSetupErrorsAreReportedWithTheReasonAndNotRetried() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0PRIVATE");
        String marker = "not in channel " + UUID.randomUUID();
        SlackStandInResource.standIn.answerOnce("chat.postMessage",
                f -> f.getOrDefault("text", "").contains(marker), SlackApiStandIn.error("not_in_channel"));
        EscalationCreated escalation = SampleEvents.escalation(chatbot, 463, marker);
        NotifySlack command = command(escalation, "C0PRIVATE", false);

        send(command);

        ConsumerRecord<String, String> failed = kafka().awaitRecord(Topics.DELIVERIES,
                r -> r.value().contains(command.deliveryId()) && r.value().contains("\"failed\""), WAIT);
        assertThat(failed.value()).contains("not_in_channel").contains("invite");
        ConsumerRecord<String, String> dead = kafka().awaitRecord(Topics.dlq(Topics.NOTIFY_SLACK),
                r -> escalation.escalationId().equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("not_in_channel");
        assertThat(posts(marker)).hasSize(1);
    }

    @Test
    void aSlackOutageIsRetriedWithBackoffAndThenDelivered() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0FLAKY");
        String marker = "flaky " + UUID.randomUUID();
        SlackStandInResource.standIn.answerOnce("chat.postMessage",
                f -> f.getOrDefault("text", "").contains(marker), RecordingHttpServer.Response.status(503));
        NotifySlack command = command(SampleEvents.escalation(chatbot, 464, marker), "C0FLAKY", false);

        send(command);

        kafka().awaitRecord(Topics.DELIVERIES, r -> r.value().contains(command.deliveryId())
                && r.value().contains("\"retrying\"") && r.value().contains("HTTP 503"), WAIT);
        kafka().awaitRecord(Topics.DELIVERIES, r -> r.value().contains(command.deliveryId())
                && r.value().contains("\"delivered\""), WAIT);
        assertThat(posts(marker)).hasSize(2);
    }

    @Test
    void aChatbotWithoutSlackConnectedGetsAFailedReportAndADeadLetter() throws Exception {
        EscalationCreated escalation = SampleEvents.escalation("bot-never-connected-" + UUID.randomUUID(), 465, "hi");
        NotifySlack command = command(escalation, "C0ANY", false);

        send(command);

        ConsumerRecord<String, String> failed = kafka().awaitRecord(Topics.DELIVERIES,
                r -> r.value().contains(command.deliveryId()) && r.value().contains("\"failed\""), WAIT);
        assertThat(failed.value()).contains("no Slack workspace is connected");
        kafka().awaitRecord(Topics.dlq(Topics.NOTIFY_SLACK), r -> escalation.escalationId().equals(r.key()), WAIT);
    }

    @Test
    void anUnreadableCommandGoesToTheDeadLetterTopicWithTheReason() {
        String key = "broken-" + UUID.randomUUID();
        kafka().send(Topics.NOTIFY_SLACK, key, "{\"type\":\"notify.slack\",\"eventId\":\"x\"}");

        ConsumerRecord<String, String> dead = kafka().awaitRecord(Topics.dlq(Topics.NOTIFY_SLACK),
                r -> key.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).isNotBlank();
    }

    private static String threadTs(EscalationCreated escalation) {
        ConsumerRecord<String, String> posted = kafka().awaitRecord(Topics.DELIVERIES,
                r -> escalation.escalationId().equals(r.key()) && r.value().contains("posted, ts "), WAIT);
        String detail = posted.value().replaceAll(".*posted, ts ([0-9.]+).*", "$1");
        assertThat(detail).matches("[0-9]+\\.[0-9]+");
        return detail;
    }

    static RecordingHttpServer.Request awaitPost(String marker) {
        return awaitCall("chat.postMessage", f -> f.getOrDefault("text", "").contains(marker));
    }

    static RecordingHttpServer.Request awaitCall(String method, java.util.function.Predicate<Map<String, String>> match) {
        return SlackStandInResource.standIn.recorder().awaitRequest(r -> r.path().equals("/api/" + method)
                && match.test(SlackApiStandIn.form(r)), WAIT);
    }

    private static List<RecordingHttpServer.Request> calls(String method,
                                                           java.util.function.Predicate<Map<String, String>> match) {
        return SlackStandInResource.standIn.recorder().requests().stream()
                .filter(r -> r.path().equals("/api/" + method) && match.test(SlackApiStandIn.form(r))).toList();
    }

    private static List<RecordingHttpServer.Request> posts(String marker) {
        return calls("chat.postMessage", f -> f.getOrDefault("text", "").contains(marker));
    }

    private static Duration elapsed(RecordingHttpServer.Request from, RecordingHttpServer.Request to) {
        return Duration.between(from.receivedAt(), to.receivedAt());
    }
}
