package io.handoff.email;

import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.MailParts;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.SmtpServer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SmtpResource.class)
class EmailDeliveryTest {

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
    void sendsOneMessagePerRecipientWithTheLastMessageAndTheConversationLink() throws Exception {
        var escalation = SampleEvents.escalation("chatbot-uuid", 456, "I need help with order " + UUID.randomUUID());
        NotifyEmail command = new NotifyEmail(null, UUID.randomUUID().toString(), Instant.now(),
                DeliveryIds.of(escalation.escalationId(), DeliveryChannel.EMAIL, "team"), escalation,
                "https://console.example.com/c/456", false, List.of("ana@support.test", "bo@support.test"), "en", 30);
        kafka.send(Topics.NOTIFY_EMAIL, escalation.escalationId(), EventJson.mapper().writeValueAsString(command));

        List<MimeMessage> received = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            received.clear();
            for (MimeMessage m : SmtpServer.shared().receivedMessages()) {
                if (content(m).contains(escalation.lastMessage())) {
                    received.add(m);
                }
            }
            assertThat(received).hasSize(2);
        });

        assertThat(received).extracting(m -> ((InternetAddress) m.getAllRecipients()[0]).getAddress())
                .containsExactlyInAnyOrder("ana@support.test", "bo@support.test");
        for (MimeMessage message : received) {
            assertThat(message.getAllRecipients()).hasSize(1);
            assertThat(message.getSubject()).isEqualTo("My Chatbot: Visitor needs human assistance");
            assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress()).isEqualTo("visitor@example.com");
            String html = MailParts.text(message, "text/html");
            String text = MailParts.text(message, "text/plain");
            assertThat(html).contains("href=\"https://console.example.com/c/456\"").contains("Jane Doe")
                    .contains("asked to talk to a person").contains("30 minutes");
            assertThat(text).contains("Open the conversation: https://console.example.com/c/456")
                    .contains(escalation.lastMessage()).contains("Where is my order?");
        }

        List<ConsumerRecord<String, String>> reports = kafka.awaitRecords(Topics.DELIVERIES,
                r -> r.value().contains(command.deliveryId()), 2, WAIT);
        assertThat(reports).allSatisfy(r -> assertThat(r.value()).contains("\"status\":\"delivered\""));
    }

    @Test
    void commandWithoutRecipientsGoesToTheDeadLetterTopic() throws Exception {
        var escalation = SampleEvents.escalation("chatbot-uuid", 457, "hello");
        NotifyEmail command = new NotifyEmail(null, UUID.randomUUID().toString(), Instant.now(), "d-1", escalation,
                "https://console.example.com/c/457", false, List.of(), "en", null);
        kafka.send(Topics.NOTIFY_EMAIL, escalation.escalationId(), EventJson.mapper().writeValueAsString(command));

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_EMAIL),
                r -> escalation.escalationId().equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("recipients");
    }

    private static String content(MimeMessage message) throws Exception {
        return MailParts.text(message, "text/plain") + MailParts.text(message, "text/html");
    }

}
