package io.handoff.webhook;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.RecordingHttpServer.Response;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.ScrapedMetrics;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** notifier-webhook's metrics on /q/metrics, under the Prometheus names docs/operations.md lists. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "webhook"))
class WebhookMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static RecordingHttpServer receiver;
    static KafkaTestClient kafka;
    static final AtomicInteger flakyCalls = new AtomicInteger();

    @BeforeAll
    static void start() {
        receiver = RecordingHttpServer.start(0);
        receiver.respondWith(r -> switch (r.path()) {
            case "/metrics/flaky" -> flakyCalls.incrementAndGet() == 1 ? Response.status(503) : Response.status(200);
            case "/metrics/refusing" -> Response.status(400);
            default -> Response.status(200);
        });
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        receiver.close();
        kafka.close();
    }

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** A command for an escalation the detector created just now. */
    private static void send(String path) throws Exception {
        EscalationCreated sample = SampleEvents.escalation("chatbot-uuid", 456, "I need to speak with someone");
        EscalationCreated escalation = new EscalationCreated(null, sample.eventId(), Instant.now(), sample.escalationId(),
                sample.chatbot(), sample.conversation(), sample.visitor(), sample.lastMessage(), sample.transcript(),
                sample.trigger(), sample.signals());
        String url = receiver.url(path);
        NotifyWebhook command = new NotifyWebhook(null, UUID.randomUUID().toString(), Instant.now(),
                DeliveryIds.of(escalation.escalationId(), DeliveryChannel.WEBHOOK, url), escalation,
                "https://app.example.com/inbox/456", false, url, null);
        kafka.send(Topics.NOTIFY_WEBHOOK, escalation.escalationId(), EventJson.mapper().writeValueAsString(command));
    }

    @Test
    void attemptsAreCountedByOutcomeAndSettledDeliveriesTimedFromTheEscalation() throws Exception {
        ScrapedMetrics before = scrape();
        send("/metrics/flaky");
        send("/metrics/refusing");
        kafka.send(Topics.NOTIFY_WEBHOOK, "metrics-" + UUID.randomUUID(), "{not json");

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics after = scrape();
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "webhook", "outcome", "retrying"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "webhook", "outcome", "delivered"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "webhook", "outcome", "failed"))
                    .isEqualTo(1);
            // delivered on the retry, 300 ms later: well within 30 s of the escalation, not within 10 ms
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_count", "channel", "webhook",
                    "outcome", "delivered")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_bucket", "channel", "webhook",
                    "outcome", "delivered", "le", "30.0")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_bucket", "channel", "webhook",
                    "outcome", "delivered", "le", "0.01")).isZero();
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_count", "channel", "webhook",
                    "outcome", "failed")).isEqualTo(1);
            // the refused delivery and the unreadable command
            assertThat(delta(before, after, "handoff_dlq_records_total", "topic", Topics.NOTIFY_WEBHOOK)).isEqualTo(2);
            assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
        });
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        assertThat(after.has(name, labels)).as("%s on /q/metrics", name).isTrue();
        return after.value(name, labels) - before.value(name, labels);
    }
}
