package io.handoff.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static RecordingHttpServer receiver;
    static KafkaTestClient kafka;

    @BeforeAll
    static void start() {
        receiver = RecordingHttpServer.start(0);
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        receiver.close();
        kafka.close();
    }

    private static NotifyWebhook command(String secret) {
        var escalation = SampleEvents.escalation("chatbot-uuid", 456, "I need to speak with someone");
        String url = receiver.url("/hooks/" + UUID.randomUUID());
        return new NotifyWebhook(null, UUID.randomUUID().toString(), Instant.now(),
                DeliveryIds.of(escalation.escalationId(), DeliveryChannel.WEBHOOK, url),
                escalation, "https://app.example.com/inbox/456", false, url, secret);
    }

    @Test
    void postsTheSeedPayloadSignedWithTheSecretAndReportsDelivery() throws Exception {
        NotifyWebhook command = command("s3cret");
        kafka.send(Topics.NOTIFY_WEBHOOK, command.escalation().escalationId(), EventJson.mapper().writeValueAsString(command));

        var request = receiver.awaitRequest(r -> command.url().endsWith(r.path()), WAIT);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header(WebhookSender.DELIVERY_HEADER)).isEqualTo(command.deliveryId());
        assertThat(request.header(WebhookSender.TIMESTAMP_HEADER)).matches("\\d{10}");
        assertThat(request.header("User-Agent")).startsWith("Handoff-Webhook/");
        assertThat(request.header(WebhookSigner.HEADER)).isEqualTo(WebhookSigner.sign(request.body(), "s3cret"));

        JsonNode body = EventJson.mapper().readTree(request.body());
        assertThat(body.get("event").asText()).isEqualTo("escalation.created");
        assertThat(body.get("title").asText()).isEqualTo("My Chatbot: Visitor needs human assistance");
        assertThat(body.get("text").asText()).isEqualTo("I need to speak with someone");
        assertThat(body.get("chatbot").get("id").asText()).isEqualTo("chatbot-uuid");
        assertThat(body.get("chatbot").get("name").asText()).isEqualTo("My Chatbot");
        assertThat(body.get("visitor").get("id").isInt()).as("visitor id keeps its JSON number type").isTrue();
        assertThat(body.get("visitor").get("email").asText()).isEqualTo("visitor@example.com");
        assertThat(body.get("visitor").get("first_name").asText()).isEqualTo("Jane");
        assertThat(body.get("visitor").get("last_name").asText()).isEqualTo("Doe");
        assertThat(body.get("visitor").get("phone").asText()).isEqualTo("+1234567890");
        assertThat(body.get("conversation").get("id").asLong()).isEqualTo(456);
        assertThat(body.get("conversation").get("id").isIntegralNumber()).isTrue();
        assertThat(body.get("conversation").get("last_message").asText()).isEqualTo("I need to speak with someone");
        assertThat(body.get("inbox_url").asText()).isEqualTo("https://app.example.com/inbox/456");
        assertThat(body.get("timestamp").asText()).isEqualTo("2026-02-09T12:00:00+00:00");

        ConsumerRecord<String, String> result = kafka.awaitRecord(Topics.DELIVERIES,
                r -> r.value().contains(command.deliveryId()), WAIT);
        JsonNode report = EventJson.mapper().readTree(result.value());
        assertThat(result.key()).isEqualTo(command.escalation().escalationId());
        assertThat(report.get("status").asText()).isEqualTo("delivered");
        assertThat(report.get("channel").asText()).isEqualTo("webhook");
        assertThat(result.value()).doesNotContain("s3cret");
    }

    @Test
    void sendsNoSignatureWhenNoSecretIsSet() throws Exception {
        NotifyWebhook command = command(null);
        kafka.send(Topics.NOTIFY_WEBHOOK, command.escalation().escalationId(), EventJson.mapper().writeValueAsString(command));

        var request = receiver.awaitRequest(r -> command.url().endsWith(r.path()), WAIT);

        assertThat(request.header(WebhookSigner.HEADER)).isNull();
    }

    @Test
    void invalidCommandGoesToTheDeadLetterTopicWithTheReasonAndConsumptionContinues() throws Exception {
        String key = "bad-" + UUID.randomUUID();
        kafka.send(Topics.NOTIFY_WEBHOOK, key, "{\"type\":\"notify.webhook\",\"eventId\":\"e-1\"");
        String missingUrlKey = "no-url-" + UUID.randomUUID();
        kafka.send(Topics.NOTIFY_WEBHOOK, missingUrlKey, "{\"type\":\"notify.webhook\",\"eventId\":\"e-2\",\"occurredAt\":\"2026-02-09T12:00:00Z\"}");
        NotifyWebhook good = command("after-bad");
        kafka.send(Topics.NOTIFY_WEBHOOK, good.escalation().escalationId(), EventJson.mapper().writeValueAsString(good));

        ConsumerRecord<String, String> malformed = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_WEBHOOK),
                r -> key.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(malformed, "dead-letter-reason")).contains("malformed JSON");
        assertThat(malformed.value()).isEqualTo("{\"type\":\"notify.webhook\",\"eventId\":\"e-1\"");

        ConsumerRecord<String, String> incomplete = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_WEBHOOK),
                r -> missingUrlKey.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(incomplete, "dead-letter-reason")).contains("url");

        receiver.awaitRequest(r -> good.url().endsWith(r.path()), WAIT);
    }
}
