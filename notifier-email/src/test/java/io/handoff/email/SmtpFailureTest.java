package io.handoff.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.MailParts;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.ScriptedSmtpServer;
import io.handoff.testing.ScrapedMetrics;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.ScriptedSmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.handoff.email.EmailCommands.WAIT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How SMTP failures are handled, against an SMTP server that answers what each test scripts: 5xx is
 * not retried, 4xx and refused connections are retried on the schedule, and whatever fails for good is
 * reported and dead-lettered.
 */
@QuarkusTest
@TestProfile(SmtpFailureTest.OneTwoThreeSeconds.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ScriptedSmtpResource.class, restrictToAnnotatedClass = true)
class SmtpFailureTest {

    /** Retries after 1 s, 2 s and 3 s: long enough to restart a server in between, short enough for a test. */
    public static class OneTwoThreeSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("handoff.email.retry.delays", "1s,2s,3s", "handoff.email.retry.jitter", "0");
        }
    }

    static KafkaTestClient kafka;
    final ScriptedSmtpServer smtp = ScriptedSmtpServer.shared();

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aPermanentRejectionIsReportedFailedAndDeadLetteredAtOnceWhileTheOtherRecipientGetsTheEmail() throws Exception {
        String gone = unique("gone");
        String ok = unique("ok");
        smtp.rejectPermanently(gone);
        var escalation = SampleEvents.escalation("chatbot-uuid", 600, "Hello " + UUID.randomUUID());
        NotifyEmail command = EmailCommands.first(escalation, "en", ok, gone);
        EmailCommands.send(kafka, command);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_EMAIL),
                r -> escalation.escalationId().equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason"))
                .startsWith(gone + ": SMTP 550 ").endsWith("; not retried");
        assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).isEqualTo(Topics.NOTIFY_EMAIL);
        assertThat(KafkaTestClient.header(dead, "handoff-delivery-id")).isEqualTo(command.deliveryId());
        NotifyEmail narrowed = EventJson.mapper().readValue(dead.value(), NotifyEmail.class);
        assertThat(narrowed.recipients()).containsExactly(gone);
        assertThat(narrowed.deliveryId()).isEqualTo(command.deliveryId());
        assertThat(narrowed.escalation().escalationId()).isEqualTo(escalation.escalationId());

        JsonNode failed = report(command, gone, "failed");
        assertThat(failed.get("attempt").asInt()).isEqualTo(1);
        assertThat(failed.get("detail").asText()).contains("SMTP 550").contains("not retried");
        assertThat(report(command, ok, "delivered").get("attempt").asInt()).isEqualTo(1);
        assertThat(reportsFor(command, gone)).extracting(r -> r.get("status").asText()).containsExactly("failed");
        assertThat(smtp.rcptAttempts(gone)).isEqualTo(1);
        assertThat(smtp.receivedFor(ok)).hasSize(1);
        assertThat(smtp.receivedFor(gone)).isEmpty();
    }

    @Test
    void theLogNamesRecipientsByReferenceNeverByAddress() throws Exception {
        String gone = unique("gone-private");
        String ok = unique("ok-private");
        String slow = unique("slow-private");
        smtp.rejectPermanently(gone);
        smtp.rejectTransiently(slow, 1);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.INFO.intValue()) {
                    lines.add(record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                            : String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            var escalation = SampleEvents.escalation("chatbot-uuid", 603, "Hello " + UUID.randomUUID());
            NotifyEmail command = EmailCommands.first(escalation, "en", ok, gone, slow);
            EmailCommands.send(kafka, command);
            report(command, gone, "failed");
            report(command, ok, "delivered");
            report(command, slow, "delivered");
            await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.contains(command.deliveryId()) && l.contains("emailed")));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).anyMatch(l -> l.contains("rcpt-"));
        assertThat(lines).noneMatch(l -> l.contains(gone) || l.contains(ok) || l.contains(slow));
    }

    @Test
    void aTransientRejectionIsRetriedWithBackoffUntilTheServerAcceptsIt() throws Exception {
        String slow = unique("slow");
        smtp.rejectTransiently(slow, 2);
        var escalation = SampleEvents.escalation("chatbot-uuid", 601, "Hello " + UUID.randomUUID());
        NotifyEmail command = EmailCommands.first(escalation, "en", slow);
        EmailCommands.send(kafka, command);

        JsonNode delivered = report(command, slow, "delivered");
        assertThat(delivered.get("attempt").asInt()).isEqualTo(3);
        List<JsonNode> reports = reportsFor(command, slow);
        assertThat(reports).extracting(r -> r.get("status").asText()).containsExactly("retrying", "retrying", "delivered");
        assertThat(reports.get(0).get("detail").asText()).contains("SMTP 451").endsWith("next attempt in 1000 ms");
        assertThat(reports.get(1).get("detail").asText()).contains("SMTP 451").endsWith("next attempt in 2000 ms");
        assertThat(smtp.rcptAttempts(slow)).isEqualTo(3);
        List<ScriptedSmtpServer.Received> received = smtp.receivedFor(slow);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).message().getSubject()).isEqualTo("My Chatbot: Visitor needs human assistance");
        assertThat(MailParts.text(received.get(0).message(), "text/plain")).contains(escalation.lastMessage());
        assertThat(kafka.readAll(Topics.dlq(Topics.NOTIFY_EMAIL), Duration.ofSeconds(1)))
                .noneMatch(r -> escalation.escalationId().equals(r.key()));
    }

    @Test
    void aRefusedConnectionIsRetriedAndTheEmailGoesOutOnceTheServerIsBack() throws Exception {
        String agent = unique("agent");
        var escalation = SampleEvents.escalation("chatbot-uuid", 602, "Hello " + UUID.randomUUID());
        NotifyEmail command = EmailCommands.first(escalation, "en", agent);
        smtp.stop();
        try {
            EmailCommands.send(kafka, command);
            JsonNode retrying = report(command, agent, "retrying");
            assertThat(retrying.get("attempt").asInt()).isEqualTo(1);
            assertThat(retrying.get("detail").asText()).contains("cannot connect to the SMTP server");
        } finally {
            smtp.restart();
        }

        JsonNode delivered = report(command, agent, "delivered");
        assertThat(delivered.get("attempt").asInt()).isGreaterThan(1);
        assertThat(smtp.receivedFor(agent)).hasSize(1);
    }

    @Test
    void aTransientFailureThatLastsIsFailedAfterTheLastAttemptAndDeadLettered() throws Exception {
        String busy = unique("busy");
        smtp.rejectTransiently(busy, 100);
        var escalation = SampleEvents.escalation("chatbot-uuid", 603, "Hello " + UUID.randomUUID());
        NotifyEmail command = EmailCommands.reminder(escalation, "de", busy);
        EmailCommands.send(kafka, command);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_EMAIL),
                r -> escalation.escalationId().equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason"))
                .startsWith(busy + ": SMTP 451 ").endsWith("; gave up after 4 attempt(s)");
        assertThat(KafkaTestClient.header(dead, "handoff-attempts")).isEqualTo("4");
        NotifyEmail narrowed = EventJson.mapper().readValue(dead.value(), NotifyEmail.class);
        assertThat(narrowed.reminder()).isTrue();
        assertThat(narrowed.locale()).isEqualTo("de");
        assertThat(narrowed.recipients()).containsExactly(busy);

        assertThat(reportsFor(command, busy)).extracting(r -> r.get("status").asText() + "#" + r.get("attempt").asInt())
                .containsExactly("retrying#1", "retrying#2", "retrying#3", "failed#4");
        assertThat(smtp.rcptAttempts(busy)).isEqualTo(4);
        assertThat(smtp.receivedFor(busy)).isEmpty();
    }

    @Test
    void attemptsAreCountedByOutcomeAndSettledDeliveriesTimedFromTheEscalation() throws Exception {
        ScrapedMetrics before = scrape();
        String ok = unique("ok");
        String slow = unique("slow");
        String gone = unique("gone");
        smtp.rejectTransiently(slow, 1);
        smtp.rejectPermanently(gone);
        EscalationCreated sample = SampleEvents.escalation("chatbot-uuid", 603, "Hello " + UUID.randomUUID());
        EscalationCreated twoHoursAgo = new EscalationCreated(null, sample.eventId(), Instant.now().minus(2, ChronoUnit.HOURS),
                sample.escalationId(), sample.chatbot(), sample.conversation(), sample.visitor(), sample.lastMessage(),
                sample.transcript(), sample.trigger(), sample.signals());
        NotifyEmail command = EmailCommands.first(twoHoursAgo, "en", ok, slow, gone);
        EmailCommands.send(kafka, command);
        kafka.send(Topics.NOTIFY_EMAIL, "metrics-" + UUID.randomUUID(), "{not json");
        report(command, slow, "delivered");

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics after = scrape();
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "email", "outcome", "delivered"))
                    .isEqualTo(2);
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "email", "outcome", "retrying"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "email", "outcome", "failed"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "handoff_email_deliveries_total", "outcome", "delivered")).isEqualTo(2);
            // timed from the escalation two hours ago, not from the command's arrival
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_bucket", "channel", "email",
                    "outcome", "delivered", "le", "3600.0")).isZero();
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_bucket", "channel", "email",
                    "outcome", "delivered", "le", "+Inf")).isEqualTo(2);
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_count", "channel", "email",
                    "outcome", "failed")).isEqualTo(1);
            // the recipient that failed, dead-lettered by the notifier, and the unreadable command, by the channel
            assertThat(delta(before, after, "handoff_dlq_records_total", "topic", Topics.NOTIFY_EMAIL)).isEqualTo(2);
            assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
        });
    }

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        assertThat(after.has(name, labels)).as("%s on /q/metrics", name).isTrue();
        return after.value(name, labels) - before.value(name, labels);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@support.test";
    }

    /** Waits for the report with {@code status} about {@code recipient}. */
    private static JsonNode report(NotifyEmail command, String recipient, String status) throws Exception {
        ConsumerRecord<String, String> record = kafka.awaitRecord(Topics.DELIVERIES, r -> {
            JsonNode node = read(r.value());
            return command.deliveryId().equals(node.path("deliveryId").asText())
                    && recipient.equals(node.path("target").asText()) && status.equals(node.path("status").asText());
        }, WAIT);
        return read(record.value());
    }

    /** Every report about {@code recipient} so far, oldest first. */
    private static List<JsonNode> reportsFor(NotifyEmail command, String recipient) {
        return kafka.readAll(Topics.DELIVERIES, Duration.ofSeconds(2)).stream()
                .map(r -> read(r.value()))
                .filter(n -> command.deliveryId().equals(n.path("deliveryId").asText())
                        && recipient.equals(n.path("target").asText()))
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
