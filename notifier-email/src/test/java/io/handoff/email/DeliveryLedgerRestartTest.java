package io.handoff.email;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.testing.KafkaBroker;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.SmtpServer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.handoff.email.EmailCommands.isAbout;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * A command redelivered after a restart: an earlier run of the notifier emailed one recipient and
 * reported it, then died before the command was acknowledged. The new run must email only the
 * recipient the earlier one did not reach, knowing what was sent from {@code handoff.deliveries} alone.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DeliveryLedgerRestartTest.EarlierRun.class, restrictToAnnotatedClass = true)
class DeliveryLedgerRestartTest {

    static final String ESCALATION_ID = "0b5a3c8e-3f4e-4a51-9a43-1f6e1f1d2a77";
    static final String REACHED = "reached-before@support.test";
    static final String NOT_REACHED = "not-reached-before@support.test";

    /** What the earlier run left behind: the report that REACHED was emailed, written before this run starts. */
    public static class EarlierRun implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            NotifyEmail command = command();
            DeliveryResult delivered = DeliveryResult.of(command, DeliveryChannel.EMAIL, REACHED,
                    DeliveryStatus.DELIVERED, 1, "accepted by the SMTP server");
            try (KafkaTestClient kafka = new KafkaTestClient(KafkaBroker.shared().bootstrapServers())) {
                kafka.send(Topics.DELIVERIES, ESCALATION_ID, EventJson.mapper().writeValueAsString(delivered));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

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
    void aCommandRedeliveredAfterARestartEmailsOnlyTheRecipientsTheEarlierRunDidNotReach() throws Exception {
        NotifyEmail command = command();
        EmailCommands.send(kafka, command);

        EmailCommands.reports(kafka, command, 2); // the earlier run's report and this run's one
        List<MimeMessage> sent = EscalationEmailTest.awaitMessages(command, 1);
        Thread.sleep(1_000);
        assertThat(SmtpServer.shared().receivedMessages().stream().filter(m -> isAbout(m, command)))
                .extracting(EscalationEmailTest::onlyRecipient)
                .containsExactly(NOT_REACHED);
        assertThat(sent).hasSize(1);
        assertThat(kafka.readAll(Topics.DELIVERIES, Duration.ofSeconds(2)).stream()
                .filter(r -> r.value().contains(command.deliveryId()))).hasSize(2);
    }

    @Test
    void readinessIsUpOnceTheLedgerHasReadTheDeliveries() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.name", hasItem("email-delivery-ledger"));
    }

    static NotifyEmail command() {
        var sample = SampleEvents.escalation("chatbot-uuid", 700, "Is anyone there after the restart?");
        var escalation = new EscalationCreated(null, sample.eventId(), sample.occurredAt(),
                ESCALATION_ID, sample.chatbot(), sample.conversation(), sample.visitor(), sample.lastMessage(),
                sample.transcript(), sample.trigger(), sample.signals());
        return new NotifyEmail(null, "command-700", Instant.parse("2026-02-09T12:00:05Z"),
                DeliveryIds.of(ESCALATION_ID, DeliveryChannel.EMAIL, "team"), escalation,
                "https://console.example.com/c/700", false, List.of(REACHED, NOT_REACHED), "en", 15);
    }
}
