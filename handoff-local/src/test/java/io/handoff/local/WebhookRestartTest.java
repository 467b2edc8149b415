package io.handoff.local;

import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.testing.FreePorts;
import io.handoff.testing.KafkaBroker;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.PostgresServer;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.SampleEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged webhook notifier is killed (SIGKILL) while a retry waits; a new process still makes the
 * retry, with the same delivery id, and does not repeat the first attempt.
 */
class WebhookRestartTest {

    @TempDir
    Path logs;

    @Test
    void aRetryPendingWhenTheNotifierIsKilledIsMadeByTheNextProcess() throws Exception {
        Path root = Path.of(Objects.requireNonNull(System.getProperty("handoff.root"), "handoff.root"));
        try (KafkaBroker kafka = KafkaBroker.start(3);
             PostgresServer postgres = PostgresServer.start(0);
             RecordingHttpServer receiver = RecordingHttpServer.start(0);
             KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            kafka.createHandoffTopics(3);
            receiver.respondWith(r -> receiver.requests().size() <= 1
                    ? RecordingHttpServer.Response.status(503) : RecordingHttpServer.Response.status(200));
            Map<String, String> config = Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "quarkus.datasource.jdbc.url", postgres.createDatabase("webhook"),
                    "quarkus.datasource.username", PostgresServer.USER,
                    "quarkus.datasource.password", PostgresServer.PASSWORD,
                    "handoff.webhook.allowed-networks", "127.0.0.0/8",
                    "handoff.webhook.retry.delays", "6s",
                    "handoff.webhook.retry.jitter", "0",
                    "handoff.webhook.retry.poll-interval", "200ms");
            List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

            var escalation = SampleEvents.escalation("chatbot-uuid", 456, "I need to speak with someone");
            String url = receiver.url("/hooks/restart");
            NotifyWebhook command = new NotifyWebhook(null, UUID.randomUUID().toString(), Instant.now(),
                    DeliveryIds.of(escalation.escalationId(), DeliveryChannel.WEBHOOK, url), escalation,
                    "https://app.example.com/inbox/456", false, url, "restart-secret");

            ServiceProcess first = ServiceProcess.start(root, "notifier-webhook", FreePorts.find(), config, jvm, logs.resolve("first"));
            try {
                first.awaitReady(Duration.ofMinutes(2));
                client.send(Topics.NOTIFY_WEBHOOK, escalation.escalationId(), EventJson.mapper().writeValueAsString(command));
                receiver.awaitRequest(r -> r.path().equals("/hooks/restart"), Duration.ofSeconds(60));
                // the retry is scheduled once the attempt is reported
                client.awaitRecord(Topics.DELIVERIES, r -> r.value().contains(command.deliveryId())
                        && r.value().contains("\"status\":\"retrying\""), Duration.ofSeconds(30));
            } finally {
                first.kill();
            }
            assertThat(first.isAlive()).isFalse();
            assertThat(receiver.requests()).hasSize(1);

            try (ServiceProcess second = ServiceProcess.start(root, "notifier-webhook", FreePorts.find(), config, jvm,
                    logs.resolve("second"))) {
                second.awaitReady(Duration.ofMinutes(2));
                RecordingHttpServer.Request retry = receiver.awaitRequest(
                        r -> r.path().equals("/hooks/restart") && receiver.requests().indexOf(r) == 1, Duration.ofSeconds(60));

                assertThat(retry.header("X-Handoff-Delivery")).isEqualTo(command.deliveryId());
                client.awaitRecord(Topics.DELIVERIES, r -> r.value().contains(command.deliveryId())
                        && r.value().contains("\"status\":\"delivered\""), Duration.ofSeconds(30));
                Thread.sleep(1000);
                assertThat(receiver.requests()).as("the first attempt is not repeated after the restart").hasSize(2);
            }
        }
    }
}
