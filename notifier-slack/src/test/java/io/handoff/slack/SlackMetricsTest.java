package io.handoff.slack;

import io.handoff.events.Topics;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.notify.NotifySlack;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.ScrapedMetrics;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.handoff.slack.SlackTestSupport.WAIT;
import static io.handoff.slack.SlackTestSupport.command;
import static io.handoff.slack.SlackTestSupport.connect;
import static io.handoff.slack.SlackTestSupport.kafka;
import static io.handoff.slack.SlackTestSupport.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** notifier-slack's metrics on /q/metrics, under the Prometheus names docs/operations.md lists. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "slack"))
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(SlackStandInResource.class)
class SlackMetricsTest {

    private static ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void attemptsAreCountedByOutcomeAndAFailedCommandAsADeadLetter() throws Exception {
        ScrapedMetrics before = scrape();
        String chatbot = "bot-" + UUID.randomUUID();
        connect(chatbot, "C0METRICS");
        String marker = "metrics " + UUID.randomUUID();
        SlackStandInResource.standIn.answerOnce("chat.postMessage",
                f -> f.getOrDefault("text", "").contains(marker), RecordingHttpServer.Response.status(503));
        send(command(SampleEvents.escalation(chatbot, 470, marker), "C0METRICS", false));
        EscalationCreated unconnected = SampleEvents.escalation("bot-never-connected-" + UUID.randomUUID(), 471, "hi");
        NotifySlack failing = command(unconnected, "C0ANY", false);
        send(failing);
        kafka().awaitRecord(Topics.dlq(Topics.NOTIFY_SLACK), r -> unconnected.escalationId().equals(r.key()), WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics after = scrape();
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "slack", "outcome", "retrying"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "slack", "outcome", "delivered"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_attempts_total", "channel", "slack", "outcome", "failed"))
                    .isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_count", "channel", "slack",
                    "outcome", "delivered")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_delivery_latency_seconds_count", "channel", "slack",
                    "outcome", "failed")).isEqualTo(1);
            assertThat(delta(before, after, "handoff_dlq_records_total", "topic", Topics.NOTIFY_SLACK)).isEqualTo(1);
            assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
        });
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        assertThat(after.has(name, labels)).as("%s on /q/metrics", name).isTrue();
        return after.value(name, labels) - before.value(name, labels);
    }
}
