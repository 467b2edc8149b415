package io.handoff.email;

import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.VisitorRef;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.escalation.TranscriptEntry;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.MailParts;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example emails under {@code docs/examples/}, as agents receive them: sent through the real
 * templates to the SMTP server and taken from the received message. The test fails when a template
 * changed and the examples did not; {@code -Dhandoff.examples.write=true} writes them anew.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = true)
class ExampleEmailTest {

    static final Path EXAMPLES = Path.of("..", "docs", "examples");
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
    void theCommittedExamplesAreWhatTheTemplatesProduce() throws Exception {
        MimeMessage english = sendAndReceive(example("3d9c1f2a-0000-4000-8000-000000000001", "en", false));
        MimeMessage spanish = sendAndReceive(example("3d9c1f2a-0000-4000-8000-000000000002", "es", false));
        MimeMessage reminder = sendAndReceive(example("3d9c1f2a-0000-4000-8000-000000000003", "en", true));

        check("escalation-email.html", MailParts.text(english, "text/html"));
        check("escalation-email.txt", MailParts.text(english, "text/plain"));
        check("escalation-email-es.html", MailParts.text(spanish, "text/html"));
        check("escalation-reminder.html", MailParts.text(reminder, "text/html"));
    }

    private static MimeMessage sendAndReceive(NotifyEmail command) throws Exception {
        EmailCommands.send(kafka, command);
        return EscalationEmailTest.awaitMessages(command, 1).get(0);
    }

    private static void check(String name, String received) throws Exception {
        String content = received.replace("\r\n", "\n");
        Path file = EXAMPLES.resolve(name);
        if (Boolean.getBoolean("handoff.examples.write")) {
            Files.createDirectories(EXAMPLES);
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        assertThat(file).as("docs/examples/%s is missing; run the test with -Dhandoff.examples.write=true", name).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/examples/%s is out of date; run the test with -Dhandoff.examples.write=true", name)
                .isEqualTo(content);
    }

    /** A realistic escalation with every field filled, as the docs show it, in English or Spanish. */
    static NotifyEmail example(String escalationId, String locale, boolean reminder) {
        Instant at = Instant.parse("2026-02-09T12:00:00Z");
        boolean es = locale.equals("es");
        List<String> said = es
                ? List.of("Hola, mi pedido #10482 todavía no ha llegado.",
                        "Siento oír eso. Los pedidos suelen llegar en 5 días laborables. ¿Quiere que revise el enlace de seguimiento?",
                        "Ya lo hice, dice entregado pero no está aquí. ¿Puedo hablar con una persona?",
                        "¡Por supuesto! ¿Quiere que avise a alguien del equipo para que se una al chat?",
                        "Sí, por favor, necesito ayuda con mi pedido")
                : List.of("Hi, my order #10482 has not arrived yet.",
                        "I'm sorry to hear that. Orders usually arrive within 5 business days. Would you like me to check the tracking link?",
                        "I already did, it says delivered but it's not here. Can I talk to a person?",
                        "Of course! Would you like me to notify a team member to join this chat?",
                        "Yes please, I need help with my order");
        Signal trigger = new Signal(SignalType.HUMAN_REQUEST, 0.95, es ? "hablar con una persona" : "talk to a person");
        EscalationCreated escalation = new EscalationCreated(null, "example-" + escalationId, at, escalationId,
                new ChatbotRef(ExternalId.of("acme-support"), "Acme Support"),
                new ConversationRef(ExternalId.of(456), "web", locale),
                new VisitorRef(ExternalId.of(123), "jane.doe@example.com", "Jane", "Doe", "+1 555 0100"),
                said.get(4),
                List.of(new TranscriptEntry(MessageRole.VISITOR, said.get(0), at.minusSeconds(180)),
                        new TranscriptEntry(MessageRole.ASSISTANT, said.get(1), at.minusSeconds(170)),
                        new TranscriptEntry(MessageRole.VISITOR, said.get(2), at.minusSeconds(60)),
                        new TranscriptEntry(MessageRole.ASSISTANT, said.get(3), at.minusSeconds(55)),
                        new TranscriptEntry(MessageRole.VISITOR, said.get(4), at)),
                trigger, List.of(trigger));
        String deliveryId = reminder
                ? DeliveryIds.ofReminder(escalationId, DeliveryChannel.EMAIL, "team", 1)
                : DeliveryIds.of(escalationId, DeliveryChannel.EMAIL, "team");
        return new NotifyEmail(null, "example-command-" + escalationId, at.plusSeconds(1), deliveryId, escalation,
                "https://handoff.example.com/console/?chatbot=acme-support&conversation=456", reminder,
                List.of("support@acme.example"), locale, 30);
    }
}
