package io.handoff.router;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.router.persistence.SlackConnectionRepository;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.handoff.router.Broker.kafka;
import static io.handoff.router.Tokens.asAdmin;
import static io.handoff.router.TrackedEscalations.awaitTracked;
import static io.handoff.router.TrackedEscalations.makeReminderDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Slack becomes available to a chatbot once notifier-slack announces its connected workspace. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
class SlackConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SlackConnectionRepository connections;
    @Inject
    DataSource dataSource;

    private static io.restassured.response.ValidatableResponse put(String chatbot, String json) {
        return asAdmin().contentType(ContentType.JSON).body(json)
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then();
    }

    private static EscalationCreated escalate(String chatbot, long conversation) throws Exception {
        EscalationCreated escalation = SampleEvents.escalation(chatbot, conversation, "I need a person");
        kafka().send(Topics.ESCALATIONS, escalation.conversation().key(), EventJson.mapper().writeValueAsString(escalation));
        return escalation;
    }

    @Test
    void slackCanBeEnabledOnlyWhileTheChatbotsWorkspaceIsConnected() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        String slackOn = "{\"slack\": {\"enabled\": true}}";

        put(chatbot, slackOn).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("slack.enabled")))
                .body("errors[0].message", containsString("connect a Slack workspace for this chatbot"));
        asAdmin().when().get("/api/v1/chatbots/{id}/settings", chatbot).then().statusCode(404);

        SlackWorkspaces.connect(connections, chatbot, "T0ACME", "C0CONNECTED");
        put(chatbot, slackOn).statusCode(200)
                .body("slack.enabled", equalTo(true))
                .body("slack.channel", nullValue());

        // disconnected: Slack can be turned off, but not left on or turned on again
        SlackWorkspaces.disconnect(connections, chatbot);
        asAdmin().contentType("application/merge-patch+json").body("{\"responseSlaMinutes\": 20}")
                .when().patch("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(400).body("errors.field", hasItem("slack.enabled"));
        asAdmin().contentType("application/merge-patch+json").body("{\"slack\": {\"enabled\": false}}")
                .when().patch("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200).body("slack.enabled", equalTo(false));
        put(chatbot, slackOn).statusCode(400).body("errors.field", hasItem("slack.enabled"));

        // connected again
        SlackWorkspaces.connect(connections, chatbot, "T0ACME", "C0AGAIN");
        put(chatbot, slackOn).statusCode(200);
    }

    @Test
    void aWorkspaceOtherThanTheConnectedOneIsRefused() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        SlackWorkspaces.connect(connections, chatbot, "T0ACME", "C0CONNECTED");

        put(chatbot, "{\"slack\": {\"enabled\": true, \"teamId\": \"T0OTHER\", \"channel\": \"C0SUPPORT\"}}")
                .statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("slack.teamId")))
                .body("errors[0].message", containsString("T0ACME"));
        put(chatbot, "{\"slack\": {\"enabled\": true, \"teamId\": \"T0ACME\", \"channel\": \"C0SUPPORT\"}}")
                .statusCode(200).body("slack.teamId", equalTo("T0ACME"));
    }

    @Test
    void anEscalationGoesToTheConnectedChannelWhenTheSettingsNameNone() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        SlackWorkspaces.connect(connections, chatbot, "T0ACME", "C0CONNECTED");
        put(chatbot, "{\"offerFirst\": false, \"slack\": {\"enabled\": true}}").statusCode(200);

        String id = escalate(chatbot, 7001).escalationId();

        ConsumerRecord<String, String> slack = kafka().awaitRecord(Topics.NOTIFY_SLACK, r -> id.equals(r.key()), WAIT);
        var command = EventJson.mapper().readTree(slack.value());
        assertThat(command.get("channel").asText()).isEqualTo("C0CONNECTED");
        assertThat(command.get("teamId").asText()).isEqualTo("T0ACME");
        assertThat(command.get("reminder").asBoolean()).isFalse();
        assertThat(command.get("deliveryId").asText()).isEqualTo(DeliveryIds.of(id, DeliveryChannel.SLACK, "C0CONNECTED"));
        assertThat(awaitTracked(id, "WAITING").getString("note")).isNull();
    }

    @Test
    void slackDisconnectedAfterItWasEnabledIsLeftOutAndNotedWhileTheOtherChannelsStillGo() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        SlackWorkspaces.connect(connections, chatbot, "T0ACME", "C0CONNECTED");
        put(chatbot, """
                {"offerFirst": false, "slack": {"enabled": true},
                 "webhook": {"enabled": true, "url": "https://crm.example.com/h"}}""").statusCode(200);
        SlackWorkspaces.disconnect(connections, chatbot);

        String id = escalate(chatbot, 7002).escalationId();

        kafka().awaitRecord(Topics.NOTIFY_WEBHOOK, r -> id.equals(r.key()), WAIT);
        JsonPath tracked = awaitTracked(id, "WAITING");
        assertThat(tracked.getString("note")).contains("Slack", "no Slack workspace is connected");
        assertThat(kafka().readAll(Topics.NOTIFY_SLACK, Duration.ofSeconds(1))).noneMatch(r -> id.equals(r.key()));
    }

    @Test
    void anUnansweredEscalationPostedOnSlackGetsOneReminderInItsSlackThreadAsWellAsByEmail() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        SlackWorkspaces.connect(connections, chatbot, "T0ACME", "C0CONNECTED");
        put(chatbot, """
                {"offerFirst": false, "slack": {"enabled": true},
                 "email": {"enabled": true, "recipients": "ana@support.test"},
                 "backupContacts": "lead@support.test", "responseSlaMinutes": 15}""").statusCode(200);
        String id = escalate(chatbot, 7003).escalationId();
        assertThat(awaitTracked(id, "WAITING").getString("reminder.slackChannel")).isEqualTo("C0CONNECTED");

        makeReminderDue(dataSource, id);

        ConsumerRecord<String, String> slackReminder = kafka().awaitRecord(Topics.NOTIFY_SLACK,
                r -> id.equals(r.key()) && r.value().contains("\"reminder\":true"), WAIT);
        var reminder = EventJson.mapper().readTree(slackReminder.value());
        String slackDeliveryId = DeliveryIds.ofReminder(id, DeliveryChannel.SLACK, "C0CONNECTED", 1);
        assertThat(reminder.get("deliveryId").asText()).isEqualTo(slackDeliveryId);
        assertThat(reminder.get("channel").asText()).isEqualTo("C0CONNECTED");
        assertThat(reminder.get("teamId").asText()).isEqualTo("T0ACME");
        kafka().awaitRecord(Topics.NOTIFY_EMAIL, r -> id.equals(r.key()) && r.value().contains("\"reminder\":true")
                && r.value().contains("lead@support.test"), WAIT);

        // notifier-slack reports the reminder; tracking tells it apart from the first post
        kafka().send(Topics.DELIVERIES, id, EventJson.mapper().writeValueAsString(new DeliveryResult(null,
                UUID.randomUUID().toString(), Instant.now(), id, slackDeliveryId, DeliveryChannel.SLACK, "C0CONNECTED",
                DeliveryStatus.DELIVERED, 1, "posted in thread")));
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/api/v1/escalations/{id}", id)
                .then().body("reminder.slackDeliveryId", equalTo(slackDeliveryId))
                .body("deliveries.find { it.deliveryId == '" + slackDeliveryId + "' }.reminder", equalTo(true)));

        Thread.sleep(2_000); // two more polls of the reminder scheduler: still one reminder each
        assertThat(kafka().readAll(Topics.NOTIFY_SLACK, Duration.ofSeconds(1)))
                .filteredOn(r -> id.equals(r.key()) && r.value().contains("\"reminder\":true")).hasSize(1);
        assertThat(kafka().readAll(Topics.NOTIFY_EMAIL, Duration.ofSeconds(1)))
                .filteredOn(r -> id.equals(r.key()) && r.value().contains("\"reminder\":true")).hasSize(1);
    }

    @Test
    void anOlderConnectionDoesNotReplaceANewerOne() {
        String chatbot = "bot-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        assertThat(connections.save(SlackWorkspaces.connection(chatbot, "T0ACME", "C0NEW", now))).isTrue();
        assertThat(connections.save(SlackWorkspaces.connection(chatbot, "T0ACME", "C0OLD", now.minusSeconds(60)))).isFalse();
        assertThat(connections.save(SlackWorkspaces.connection(chatbot, "T0ACME", "C0SAME", now))).isFalse();
        assertThat(connections.find(chatbot)).hasValueSatisfying(c -> assertThat(c.channelId()).isEqualTo("C0NEW"));
        assertThat(connections.save(SlackWorkspaces.connection(chatbot, "T0ACME", "C0NEWER", now.plusSeconds(1)))).isTrue();
        assertThat(connections.find(chatbot)).hasValueSatisfying(c -> assertThat(c.channelId()).isEqualTo("C0NEWER"));
    }

    @Test
    void anUnreadableConnectionGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        kafka().send(Topics.SLACK_CONNECTIONS, chatbot, "{\"type\":\"slack.connection\",\"eventId\":\"e\","
                + "\"occurredAt\":\"2026-11-23T09:00:00Z\",\"chatbotId\":\"" + chatbot + "\",\"channelId\":\"C1\"}");
        ConsumerRecord<String, String> dead = kafka().awaitRecord(Topics.dlq(Topics.SLACK_CONNECTIONS),
                r -> chatbot.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("teamId");

        String other = "bot-" + UUID.randomUUID();
        kafka().send(Topics.SLACK_CONNECTIONS, other, EventJson.mapper().writeValueAsString(
                SlackWorkspaces.connection(chatbot, "T0ACME", "C1", Instant.now())));
        ConsumerRecord<String, String> misfiled = kafka().awaitRecord(Topics.dlq(Topics.SLACK_CONNECTIONS),
                r -> other.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(misfiled, "dead-letter-reason")).contains("record key");
        assertThat(connections.find(chatbot)).isEmpty();
    }
}
