package io.handoff.email;

import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.AlertKind;
import io.handoff.events.notify.NotifyAlert;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.MailParts;
import io.handoff.testing.SmtpServer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.handoff.email.EmailCommands.WAIT;
import static io.handoff.email.EmailCommands.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Alerts to a chatbot's admin contacts about its webhook endpoint, read back from a real SMTP server. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = true)
class AlertEmailTest {

    static KafkaTestClient kafka;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static NotifyAlert alert(AlertKind kind, String locale, String... recipients) {
        return new NotifyAlert(null, UUID.randomUUID().toString(), Instant.now(), UUID.randomUUID().toString(),
                "chatbot-uuid", "Shop Bot", kind, "https://crm.example.com/hooks/handoff",
                "HTTP 503; gave up after 10 attempt(s)", Instant.parse("2026-12-04T09:30:00Z"), List.of(recipients), locale);
    }

    private static void send(NotifyAlert alert) throws Exception {
        kafka.send(Topics.NOTIFY_EMAIL, alert.chatbotId(), EventJson.mapper().writeValueAsString(alert));
    }

    private static List<MimeMessage> awaitMessages(NotifyAlert alert, int count) {
        await().atMost(WAIT).until(() -> messages(alert).size() >= count);
        return messages(alert);
    }

    private static List<MimeMessage> messages(NotifyAlert alert) {
        return SmtpServer.shared().receivedMessages().stream().filter(m -> {
            try {
                String[] ids = m.getHeader("X-Handoff-Alert-Id");
                return ids != null && Arrays.asList(ids).contains(alert.alertId());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void eachAdminContactIsToldTheEndpointKeepsFailingWithTheLastFailure() throws Exception {
        NotifyAlert alert = alert(AlertKind.WEBHOOK_FAILING, null, "owner@shop.test", "it@shop.test");
        send(alert);

        List<MimeMessage> sent = awaitMessages(alert, 2);
        assertThat(sent).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("owner@shop.test", "it@shop.test");
        MimeMessage message = sent.get(0);
        assertThat(message.getSubject()).isEqualTo("Shop Bot: your webhook endpoint keeps failing");
        assertThat(header(message, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(MailParts.text(message, "text/plain"))
                .contains("Your webhook endpoint keeps failing")
                .contains("Handoff could not deliver a webhook to https://crm.example.com/hooks/handoff at any attempt")
                .contains("Last failure: HTTP 503; gave up after 10 attempt(s)")
                .contains("Since (UTC): 2026-12-04 09:30");
        assertThat(MailParts.text(message, "text/html")).contains("<html lang=\"en\">")
                .contains("Your webhook endpoint keeps failing").doesNotContain("<script");

        // the same alert again (the router repeated itself) emails nobody twice
        send(alert);
        NotifyAlert later = alert(AlertKind.WEBHOOK_FAILING, null, "owner@shop.test");
        send(later);
        awaitMessages(later, 1);
        assertThat(messages(alert)).hasSize(2);
    }

    @Test
    void aSwitchedOffEndpointIsAnnouncedInTheRequestedLanguage() throws Exception {
        NotifyAlert alert = alert(AlertKind.WEBHOOK_DISABLED, "de-DE", "owner@shop.test");
        send(alert);

        MimeMessage message = awaitMessages(alert, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Shop Bot: Webhooks wurden abgeschaltet");
        assertThat(MailParts.text(message, "text/plain"))
                .contains("Der Endpunkt https://crm.example.com/hooks/handoff hat mit 410 Gone geantwortet");
    }

    @Test
    void anAlertWithoutRecipientsGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String key = "chatbot-" + UUID.randomUUID();
        String invalid = EventJson.mapper().writeValueAsString(alert(AlertKind.WEBHOOK_FAILING, null, "x@y.test"))
                .replace("[\"x@y.test\"]", "[]");
        kafka.send(Topics.NOTIFY_EMAIL, key, invalid);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_EMAIL), r -> key.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("notify.alert").contains("recipients");
    }
}
