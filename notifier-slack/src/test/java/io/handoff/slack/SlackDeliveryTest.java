package io.handoff.slack;

import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifySlack;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SlackStandInResource.class)
class SlackDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    static KafkaTestClient kafka;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void postsTheEscalationToTheConfiguredChannelAndReportsIt() throws Exception {
        String marker = "order " + UUID.randomUUID();
        var escalation = SampleEvents.escalation("chatbot-uuid", 456, "Please help with " + marker);
        NotifySlack command = new NotifySlack(null, UUID.randomUUID().toString(), Instant.now(),
                DeliveryIds.of(escalation.escalationId(), DeliveryChannel.SLACK, "C0SUPPORT"), escalation,
                "https://console.example.com/c/456", false, null, "C0SUPPORT");
        kafka.send(Topics.NOTIFY_SLACK, escalation.escalationId(), EventJson.mapper().writeValueAsString(command));

        var call = SlackStandInResource.standIn.recorder().awaitRequest(
                r -> r.path().equals("/api/chat.postMessage") && decoded(r.bodyText()).contains(marker), WAIT);
        String form = decoded(call.bodyText());
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + SlackStandInResource.TOKEN);
        assertThat(form).contains("channel=C0SUPPORT")
                .contains("My Chatbot: Visitor needs human assistance")
                .contains("https://console.example.com/c/456")
                .contains("\"type\":\"header\"");

        ConsumerRecord<String, String> report = kafka.awaitRecord(Topics.DELIVERIES,
                r -> r.value().contains(command.deliveryId()), WAIT);
        assertThat(report.value()).contains("\"status\":\"delivered\"").contains("\"channel\":\"slack\"")
                .doesNotContain(SlackStandInResource.TOKEN);
    }

    @Test
    void commandWithoutChannelGoesToTheDeadLetterTopic() throws Exception {
        var escalation = SampleEvents.escalation("chatbot-uuid", 457, "hello");
        NotifySlack command = new NotifySlack(null, UUID.randomUUID().toString(), Instant.now(), "d-1", escalation,
                "https://console.example.com/c/457", false, null, null);
        kafka.send(Topics.NOTIFY_SLACK, escalation.escalationId(), EventJson.mapper().writeValueAsString(command));

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_SLACK),
                r -> escalation.escalationId().equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("channel");
    }

    private static String decoded(String form) {
        return URLDecoder.decode(form, StandardCharsets.UTF_8);
    }
}
