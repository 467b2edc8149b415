package io.handoff.slack;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifySlack;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the notifier's tests share: tokens, one broker client, and connecting a chatbot to the stand-in. */
final class SlackTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    private SlackTestSupport() {
    }

    static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
        }
        return kafka;
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TokenIssuer.shared().admin("admin@example.com", Duration.ofMinutes(10)));
    }

    static RequestSpecification asOwnerOf(String chatbot) {
        return given().auth().oauth2(TokenIssuer.shared().chatbotAdmin("owner@example.com", List.of(chatbot),
                Duration.ofMinutes(10)));
    }

    /** Connects the chatbot with the manual path, as an operator would. */
    static void connect(String chatbotId, String channelId) {
        asAdmin().contentType("application/json")
                .body("{\"botToken\":\"" + SlackStandInResource.BOT_TOKEN + "\",\"channelId\":\"" + channelId + "\"}")
                .put("/api/v1/chatbots/{id}/slack", chatbotId)
                .then().statusCode(200);
    }

    static NotifySlack command(EscalationCreated escalation, String channel, boolean reminder) {
        String deliveryId = reminder
                ? DeliveryIds.ofReminder(escalation.escalationId(), DeliveryChannel.SLACK, String.valueOf(channel), 1)
                : DeliveryIds.of(escalation.escalationId(), DeliveryChannel.SLACK, String.valueOf(channel));
        return new NotifySlack(null, UUID.randomUUID().toString(), Instant.now(), deliveryId, escalation,
                "https://console.example.com/c/" + escalation.conversation().id().value(), reminder, null, channel);
    }

    static void send(NotifySlack command) throws Exception {
        kafka().send(Topics.NOTIFY_SLACK, command.escalation().escalationId(),
                EventJson.mapper().writeValueAsString(command));
    }
}
