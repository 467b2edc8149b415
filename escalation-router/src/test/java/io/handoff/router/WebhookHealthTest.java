package io.handoff.router;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.TargetState;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.handoff.router.Broker.kafka;
import static io.handoff.router.Tokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The notifier's verdicts about a webhook endpoint, over the broker: a whole retry schedule failed marks
 * it failing, 410 Gone switches webhooks off, each change emails the admin contacts once, the settings
 * API shows the state, and a delivery or the owner's change makes it healthy again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
class WebhookHealthTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String configure(String chatbot, String url) {
        asAdmin().contentType(ContentType.JSON).body("""
                        {"name": "Shop Bot", "offerFirst": false,
                         "email": {"enabled": true, "recipients": "agent@support.test"},
                         "adminContacts": "owner@shop.test;it@shop.test",
                         "webhook": {"enabled": true, "url": "%s", "signingSecret": "whsec-value"}}""".formatted(url))
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200);
        return url;
    }

    /** An escalation the router routed to the webhook, and the command it wrote. */
    private static JsonNode escalateToWebhook(String chatbot, long conversation) throws Exception {
        EscalationCreated e = SampleEvents.escalation(chatbot, conversation, "I need a person");
        kafka().send(Topics.ESCALATIONS, e.conversation().key(), EventJson.mapper().writeValueAsString(e));
        ConsumerRecord<String, String> command = kafka().awaitRecord(Topics.NOTIFY_WEBHOOK,
                r -> e.escalationId().equals(r.key()), WAIT);
        return EventJson.mapper().readTree(command.value());
    }

    private static void report(JsonNode command, DeliveryStatus status, int attempt, String detail, TargetState state)
            throws Exception {
        String escalationId = command.get("escalation").get("escalationId").asText();
        kafka().send(Topics.DELIVERIES, escalationId, EventJson.mapper().writeValueAsString(new DeliveryResult(null,
                UUID.randomUUID().toString(), Instant.now(), escalationId, command.get("deliveryId").asText(),
                DeliveryChannel.WEBHOOK, command.get("url").asText(), status, attempt, detail, state)));
    }

    private static List<JsonNode> alertsFor(String chatbot, int count) {
        return kafka().awaitRecords(Topics.NOTIFY_EMAIL, r -> chatbot.equals(r.key()) && r.value().contains("notify.alert"),
                count, WAIT).stream().map(r -> {
                    try {
                        return EventJson.mapper().readTree(r.value());
                    } catch (Exception ex) {
                        throw new AssertionError(ex);
                    }
                }).toList();
    }

    @Test
    void aWholeScheduleFailedMarksTheEndpointFailingOnceAndADeliveryClearsIt() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        String url = configure(chatbot, "https://crm.example.com/hooks/" + UUID.randomUUID());
        JsonNode first = escalateToWebhook(chatbot, 7101);
        JsonNode second = escalateToWebhook(chatbot, 7102);

        report(first, DeliveryStatus.RETRYING, 1, "HTTP 503; next attempt in 5000 ms", null);
        report(first, DeliveryStatus.FAILED, 10, "HTTP 503; gave up after 10 attempt(s)", TargetState.FAILING);
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200)
                .body("webhook.enabled", equalTo(true))
                .body("webhook.status.state", equalTo("failing"))
                .body("webhook.status.reason", equalTo("HTTP 503; gave up after 10 attempt(s)")));
        // a second delivery running out too changes nothing and emails nobody again
        report(second, DeliveryStatus.FAILED, 10, "no answer within 10000 ms; gave up after 10 attempt(s)",
                TargetState.FAILING);

        JsonNode alert = alertsFor(chatbot, 1).get(0);
        assertThat(alert.get("kind").asText()).isEqualTo("webhook-failing");
        assertThat(alert.get("target").asText()).isEqualTo(url);
        assertThat(alert.get("chatbotName").asText()).isEqualTo("Shop Bot");
        assertThat(alert.get("recipients")).extracting(JsonNode::asText)
                .containsExactly("owner@shop.test", "it@shop.test");
        assertThat(alert.toString()).doesNotContain("whsec-value");

        // the settings document read back can be saved as it is: the status is the service's to say
        String document = asAdmin().when().get("/api/v1/chatbots/{id}/settings", chatbot).then().extract().asString();
        asAdmin().contentType(ContentType.JSON).body(document.replace("\"name\":\"Shop Bot\"", "\"name\":\"Shop Bot 2\""))
                .when().put("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200).body("webhook.status.state", equalTo("failing"));

        report(escalateToWebhook(chatbot, 7103), DeliveryStatus.DELIVERED, 1, "HTTP 200", null);
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/api/v1/chatbots/{id}/settings", chatbot)
                .then().body("webhook.status", nullValue()));
        assertThat(kafka().readAll(Topics.NOTIFY_EMAIL, Duration.ofSeconds(2)))
                .filteredOn(r -> chatbot.equals(r.key()) && r.value().contains("notify.alert")).hasSize(1);
    }

    @Test
    void goneSwitchesWebhooksOffAtOnceUntilTheOwnerTurnsThemOnAgain() throws Exception {
        String chatbot = "bot-" + UUID.randomUUID();
        String url = configure(chatbot, "https://crm.example.com/hooks/" + UUID.randomUUID());
        JsonNode command = escalateToWebhook(chatbot, 7201);

        report(command, DeliveryStatus.FAILED, 1, "HTTP 410 Gone (the endpoint asks not to be called again); not retried",
                TargetState.GONE);
        await().atMost(WAIT).untilAsserted(() -> asAdmin().when().get("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200)
                .body("webhook.enabled", equalTo(false))
                .body("webhook.url", equalTo(url))
                .body("webhook.signingSecretSet", equalTo(true))
                .body("webhook.status.state", equalTo("disabled")));
        JsonNode alert = alertsFor(chatbot, 1).get(0);
        assertThat(alert.get("kind").asText()).isEqualTo("webhook-disabled");

        // the next escalation is not sent to the gone endpoint; email still goes out
        EscalationCreated next = SampleEvents.escalation(chatbot, 7202, "I need a person");
        kafka().send(Topics.ESCALATIONS, next.conversation().key(), EventJson.mapper().writeValueAsString(next));
        kafka().awaitRecord(Topics.NOTIFY_EMAIL, r -> next.escalationId().equals(r.key()), WAIT);
        assertThat(kafka().readAll(Topics.NOTIFY_WEBHOOK, Duration.ofSeconds(2)))
                .noneMatch(r -> next.escalationId().equals(r.key()));

        // the owner turns webhooks on again: the endpoint starts healthy and gets escalations
        asAdmin().contentType("application/merge-patch+json").body("{\"webhook\": {\"enabled\": true}}")
                .when().patch("/api/v1/chatbots/{id}/settings", chatbot)
                .then().statusCode(200)
                .body("webhook.enabled", equalTo(true))
                .body("webhook.status", nullValue());
        escalateToWebhook(chatbot, 7203);
    }
}
