package io.handoff.email;

import io.handoff.email.mail.MessageIds;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.Topics;
import io.handoff.events.VisitorRef;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.escalation.TranscriptEntry;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.MailParts;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.SmtpServer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.handoff.email.EmailCommands.WAIT;
import static io.handoff.email.EmailCommands.header;
import static io.handoff.email.EmailCommands.isAbout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What agents receive, read back from a real SMTP server (GreenMail). */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = true)
class EscalationEmailTest {

    private static final MessageIds IDS = new MessageIds("handoff.test");
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
    void eachRecipientGetsTheirOwnEmailWithTheConversationTheLinkAndTheVisitorToReplyTo() throws Exception {
        var escalation = SampleEvents.escalation("chatbot-uuid", 456, "I need help with order " + UUID.randomUUID());
        NotifyEmail command = EmailCommands.first(escalation, "en", "ana@support.test", "bo@support.test");
        EmailCommands.send(kafka, command);

        Map<String, MimeMessage> byRecipient = awaitMessages(command, 2).stream()
                .collect(Collectors.toMap(EscalationEmailTest::onlyRecipient, Function.identity()));
        assertThat(byRecipient).containsOnlyKeys("ana@support.test", "bo@support.test");

        for (Map.Entry<String, MimeMessage> entry : byRecipient.entrySet()) {
            MimeMessage message = entry.getValue();
            assertThat(message.getRecipients(Message.RecipientType.CC)).isNullOrEmpty();
            assertThat(message.getRecipients(Message.RecipientType.BCC)).isNullOrEmpty();
            assertThat(message.getSubject()).isEqualTo("My Chatbot: Visitor needs human assistance");
            assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("handoff@handoff.test");
            assertThat(header(message, "Reply-To")).isEqualTo("visitor@example.com");
            assertThat(header(message, "Message-ID")).isEqualTo(IDS.original(escalation.escalationId(), entry.getKey()));
            assertThat(header(message, "In-Reply-To")).isNull();
            assertThat(header(message, "Auto-Submitted")).isEqualTo("auto-generated");
            assertThat(header(message, "X-Handoff-Escalation-Id")).isEqualTo(escalation.escalationId());

            String html = MailParts.text(message, "text/html");
            assertThat(html)
                    .contains("My Chatbot")
                    .contains("The visitor asked to talk to a person (\u201cspeak with someone\u201d).")
                    .contains(escalation.lastMessage())
                    .contains("href=\"https://console.example.com/console/?chatbot=chatbot-uuid&amp;conversation=456\"")
                    .contains(">Open the conversation</a>")
                    .contains("Jane Doe").contains("href=\"mailto:visitor@example.com\"").contains("+1234567890")
                    .contains("Where is my order?").contains("Could you share the order number?")
                    .contains("within 30 minutes")
                    .contains("Reply to this email to write to the visitor at visitor@example.com.");
            // renders in mail clients as sent: inline styles, nothing fetched from elsewhere
            assertThat(html).contains("style=\"").doesNotContain("<img").doesNotContain("<link").doesNotContain("<script")
                    .doesNotContain("<style");

            String text = MailParts.text(message, "text/plain");
            assertThat(text)
                    .contains("A visitor wants to speak with your team")
                    .contains("The visitor asked to talk to a person (\u201cspeak with someone\u201d).")
                    .contains("Open the conversation: https://console.example.com/console/?chatbot=chatbot-uuid&conversation=456")
                    .contains("Visitor: Jane Doe <visitor@example.com>, +1234567890")
                    .contains("[11:59] Visitor: Where is my order?")
                    .contains("[11:59] AI: Could you share the order number?")
                    .contains("[12:00] Visitor: " + escalation.lastMessage())
                    .contains("The visitor was told to expect an answer within 30 minutes.");
        }

        List<ConsumerRecord<String, String>> reports = EmailCommands.reports(kafka, command, 2);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(escalation.escalationId());
            var report = EventJson.mapper().readTree(r.value());
            assertThat(report.get("status").asText()).isEqualTo("delivered");
            assertThat(report.get("channel").asText()).isEqualTo("email");
            assertThat(report.get("attempt").asInt()).isEqualTo(1);
        });
        assertThat(reports).extracting(r -> EventJson.mapper().readTree(r.value()).get("target").asText())
                .containsExactlyInAnyOrder("ana@support.test", "bo@support.test");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "es    | My Chatbot: Un visitante necesita ayuda de una persona      | Abrir la conversación    | El visitante pidió hablar con una persona",
            "fr-CA | My Chatbot : un visiteur a besoin d'une assistance humaine | Ouvrir la conversation   | Le visiteur a demandé à parler à une personne",
            "de    | My Chatbot: Ein Besucher braucht persönliche Hilfe          | Gespräch öffnen          | Der Besucher hat nach einem Menschen gefragt",
            "pt_BR | My Chatbot: Um visitante precisa de atendimento humano      | Abrir a conversa         | O visitante pediu para falar com uma pessoa",
            "ja    | My Chatbot: Visitor needs human assistance                  | Open the conversation    | The visitor asked to talk to a person"})
    void theEmailIsWrittenInTheCommandsLanguageWithEnglishForAnyOther(String locale, String subject, String button,
                                                                       String reason) throws Exception {
        var escalation = SampleEvents.escalation("chatbot-uuid", 458, "Hola " + UUID.randomUUID());
        NotifyEmail command = EmailCommands.first(escalation, locale, "ana@support.test");
        EmailCommands.send(kafka, command);

        MimeMessage message = awaitMessages(command, 1).get(0);
        assertThat(message.getSubject()).isEqualTo(subject);
        assertThat(MailParts.text(message, "text/html")).contains(">" + button + "</a>").contains(reason);
        assertThat(MailParts.text(message, "text/plain")).contains(button + ": https://console.example.com/").contains(reason);
    }

    @Test
    void aReminderIsAReplyInTheSameThreadAndSaysTheVisitorIsStillWaiting() throws Exception {
        var escalation = SampleEvents.escalation("chatbot-uuid", 459, "Anyone there? " + UUID.randomUUID());
        NotifyEmail first = EmailCommands.first(escalation, "en", "ana@support.test");
        EmailCommands.send(kafka, first);
        MimeMessage original = awaitMessages(first, 1).get(0);

        // the SLA follow-up goes to the first recipient again and to a backup contact
        NotifyEmail reminder = EmailCommands.reminder(escalation, "en", "ana@support.test", "backup@support.test");
        EmailCommands.send(kafka, reminder);
        Map<String, MimeMessage> reminders = awaitMessages(reminder, 2).stream()
                .collect(Collectors.toMap(EscalationEmailTest::onlyRecipient, Function.identity()));

        MimeMessage toAna = reminders.get("ana@support.test");
        String originalId = header(original, "Message-ID");
        assertThat(header(toAna, "In-Reply-To")).isEqualTo(originalId);
        assertThat(header(toAna, "References")).isEqualTo(originalId);
        assertThat(header(toAna, "Message-ID")).isNotEqualTo(originalId)
                .isEqualTo(IDS.reminder(reminder.deliveryId(), "ana@support.test"));
        assertThat(toAna.getSubject()).isEqualTo("Re: My Chatbot: Visitor needs human assistance");
        assertThat(header(toAna, "Reply-To")).isEqualTo("visitor@example.com");
        assertThat(MailParts.text(toAna, "text/html"))
                .contains("Still waiting for someone from your team")
                .contains("Jane Doe has been waiting since 2026-02-09 12:00 UTC and nobody has answered yet.")
                .contains(escalation.lastMessage())
                .contains("href=\"https://console.example.com/console/?chatbot=chatbot-uuid&amp;conversation=456\"");
        assertThat(MailParts.text(toAna, "text/plain"))
                .contains("Still waiting for someone from your team")
                .contains("Open the conversation: https://console.example.com/");

        // the backup contact never got the first email; the reference is computed all the same
        MimeMessage toBackup = reminders.get("backup@support.test");
        assertThat(header(toBackup, "In-Reply-To")).isEqualTo(IDS.original(escalation.escalationId(), "backup@support.test"));
    }

    @Test
    void whatTheVisitorTypedIsEscapedInTheHtmlPart() throws Exception {
        String marker = UUID.randomUUID().toString();
        var escalation = escalationFrom(new VisitorRef(ExternalId.of(7), "jane@example.com", "<b>Jane</b>", null, null),
                "<script>alert('" + marker + "')</script> & <img src=x>");
        NotifyEmail command = EmailCommands.first(escalation, "en", "ana@support.test");
        EmailCommands.send(kafka, command);

        String html = MailParts.text(awaitMessages(command, 1).get(0), "text/html");
        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>Jane")
                .contains("&lt;script&gt;alert(&#39;" + marker + "&#39;)&lt;/script&gt; &amp; &lt;img src=x&gt;")
                .contains("&lt;b&gt;Jane&lt;/b&gt;");
    }

    @Test
    void withoutAUsableVisitorAddressRepliesGoToTheSenderAndTheAddressIsOnlyShown() throws Exception {
        var escalation = escalationFrom(new VisitorRef(ExternalId.of(8), "jane at example dot com", null, null, null),
                "no valid email " + UUID.randomUUID());
        NotifyEmail command = EmailCommands.first(escalation, "en", "ana@support.test");
        EmailCommands.send(kafka, command);

        MimeMessage message = awaitMessages(command, 1).get(0);
        assertThat(header(message, "Reply-To")).isNull();
        String html = MailParts.text(message, "text/html");
        assertThat(html).contains("A visitor").contains("jane at example dot com").doesNotContain("mailto:")
                .doesNotContain("Reply to this email");
    }

    @Test
    void theSameCommandDeliveredAgainDoesNotEmailAnyoneTwice() throws Exception {
        var escalation = SampleEvents.escalation("chatbot-uuid", 460, "Twice? " + UUID.randomUUID());
        NotifyEmail command = EmailCommands.first(escalation, "en", "ana@support.test", "bo@support.test");
        // two copies at once (handled concurrently), then one more after they are done
        EmailCommands.send(kafka, command);
        EmailCommands.send(kafka, command);
        awaitMessages(command, 2);
        EmailCommands.reports(kafka, command, 2);
        EmailCommands.send(kafka, command);
        // a later command on the same partition is taken after the third copy; once it is mailed, the copy was handled
        NotifyEmail later = EmailCommands.first(SampleEvents.escalation("chatbot-uuid", 461, "later " + UUID.randomUUID()),
                "en", "ana@support.test");
        kafka.send(Topics.NOTIFY_EMAIL, command.escalation().escalationId(), EventJson.mapper().writeValueAsString(later));
        awaitMessages(later, 1);
        Thread.sleep(1_000);

        assertThat(SmtpServer.shared().receivedMessages().stream().filter(m -> isAbout(m, command)))
                .extracting(EscalationEmailTest::onlyRecipient)
                .containsExactlyInAnyOrder("ana@support.test", "bo@support.test");
        assertThat(kafka.readAll(Topics.DELIVERIES, Duration.ofSeconds(2)).stream()
                .filter(r -> r.value().contains(command.deliveryId()))).hasSize(2);
    }

    @Test
    void commandWithoutRecipientsGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        var escalation = SampleEvents.escalation("chatbot-uuid", 457, "hello");
        NotifyEmail command = new NotifyEmail(null, UUID.randomUUID().toString(), Instant.now(), "d-1", escalation,
                "https://console.example.com/c/457", false, List.of(), "en", null);
        EmailCommands.send(kafka, command);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_EMAIL),
                r -> escalation.escalationId().equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("recipients");
    }

    @Test
    void malformedCommandGoesToTheDeadLetterTopicAndTheNextOneIsStillEmailed() throws Exception {
        String key = "broken-" + UUID.randomUUID();
        kafka.send(Topics.NOTIFY_EMAIL, key, "{\"type\":\"notify.email\",\"eventId\":");
        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_EMAIL), r -> key.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("malformed JSON");

        NotifyEmail next = EmailCommands.first(SampleEvents.escalation("chatbot-uuid", 462, "next " + UUID.randomUUID()),
                "en", "ana@support.test");
        EmailCommands.send(kafka, next);
        assertThat(awaitMessages(next, 1)).hasSize(1);
    }

    static EscalationCreated escalationFrom(VisitorRef visitor, String lastMessage) {
        Instant now = Instant.parse("2026-02-09T12:00:00Z");
        Signal trigger = new Signal(SignalType.FRUSTRATION, 0.8, null);
        return new EscalationCreated(null, UUID.randomUUID().toString(), now, UUID.randomUUID().toString(),
                new ChatbotRef(ExternalId.of("chatbot-uuid"), "My Chatbot"),
                new ConversationRef(ExternalId.of(99), "web", "en"), visitor, lastMessage,
                List.of(new TranscriptEntry(MessageRole.VISITOR, lastMessage, now)), trigger, List.of(trigger));
    }

    static List<MimeMessage> awaitMessages(NotifyEmail command, int count) {
        await().atMost(WAIT).until(() -> SmtpServer.shared().receivedMessages().stream().filter(m -> isAbout(m, command)).count() >= count);
        return SmtpServer.shared().receivedMessages().stream().filter(m -> isAbout(m, command)).toList();
    }

    static String onlyRecipient(MimeMessage message) {
        try {
            assertThat(message.getAllRecipients()).hasSize(1);
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
