package io.handoff.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.RecordingHttpServer.Request;
import io.handoff.testing.RecordingHttpServer.Response;
import io.handoff.testing.SampleEvents;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "webhook"))
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static RecordingHttpServer receiver;
    static KafkaTestClient kafka;
    /** Per-path answers; paths without one get 200. */
    static final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        receiver = RecordingHttpServer.start(0);
        receiver.respondWith(r -> routes.getOrDefault(r.path(), any -> Response.status(200)).apply(r));
        kafka = new KafkaTestClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        receiver.close();
        kafka.close();
    }

    private static NotifyWebhook command(String url, String secret) {
        var escalation = SampleEvents.escalation("chatbot-uuid", 456, "I need to speak with someone");
        return new NotifyWebhook(null, UUID.randomUUID().toString(), Instant.now(),
                DeliveryIds.of(escalation.escalationId(), DeliveryChannel.WEBHOOK, url),
                escalation, "https://app.example.com/inbox/456", false, url, secret);
    }

    private static NotifyWebhook commandForNewPath(String secret) {
        return command(receiver.url("/hooks/" + UUID.randomUUID()), secret);
    }

    private static void send(NotifyWebhook command) throws Exception {
        kafka.send(Topics.NOTIFY_WEBHOOK, command.escalation().escalationId(), EventJson.mapper().writeValueAsString(command));
    }

    private static String path(NotifyWebhook command) {
        return command.url().substring(command.url().indexOf("/hooks/"));
    }

    private static List<Request> requestsTo(NotifyWebhook command) {
        return receiver.requests().stream().filter(r -> r.path().equals(path(command))).toList();
    }

    private static List<JsonNode> reports(NotifyWebhook command, int count) {
        return kafka.awaitRecords(Topics.DELIVERIES, r -> r.value().contains(command.deliveryId()), count, WAIT).stream()
                .map(r -> {
                    try {
                        return EventJson.mapper().readTree(r.value());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    @Test
    void postsTheSeedPayloadSignedWithTheSecretAndReportsDelivery() throws Exception {
        NotifyWebhook command = commandForNewPath("s3cret");
        send(command);

        Request request = receiver.awaitRequest(r -> r.path().equals(path(command)), WAIT);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header(WebhookSender.DELIVERY_HEADER)).isEqualTo(command.deliveryId());
        assertThat(request.header(WebhookSender.TIMESTAMP_HEADER)).matches("\\d{10}");
        assertThat(request.header("User-Agent")).startsWith("Handoff-Webhook/");
        assertThat(WebhookSignerTest.verifySignature(request.body(), "s3cret", request.header(WebhookSigner.HEADER))).isTrue();
        assertThat(request.header(WebhookSigner.STANDARD_ID_HEADER)).isEqualTo(command.deliveryId());
        assertThat(request.header(WebhookSigner.STANDARD_TIMESTAMP_HEADER)).isEqualTo(request.header(WebhookSender.TIMESTAMP_HEADER));

        JsonNode body = EventJson.mapper().readTree(request.body());
        assertThat(body.get("event").asText()).isEqualTo("escalation.created");
        assertThat(body.get("title").asText()).isEqualTo("My Chatbot: Visitor needs human assistance");
        assertThat(body.get("text").asText()).isEqualTo("I need to speak with someone");
        assertThat(body.get("chatbot").get("id").asText()).isEqualTo("chatbot-uuid");
        assertThat(body.get("chatbot").get("name").asText()).isEqualTo("My Chatbot");
        assertThat(body.get("visitor").get("id").isInt()).as("visitor id keeps its JSON number type").isTrue();
        assertThat(body.get("visitor").get("email").asText()).isEqualTo("visitor@example.com");
        assertThat(body.get("visitor").get("first_name").asText()).isEqualTo("Jane");
        assertThat(body.get("visitor").get("last_name").asText()).isEqualTo("Doe");
        assertThat(body.get("visitor").get("phone").asText()).isEqualTo("+1234567890");
        assertThat(body.get("conversation").get("id").isIntegralNumber()).isTrue();
        assertThat(body.get("conversation").get("id").asLong()).isEqualTo(456);
        assertThat(body.get("conversation").get("last_message").asText()).isEqualTo("I need to speak with someone");
        assertThat(body.get("inbox_url").asText()).isEqualTo("https://app.example.com/inbox/456");
        assertThat(body.get("timestamp").asText()).isEqualTo("2026-02-09T12:00:00+00:00");

        JsonNode report = reports(command, 1).get(0);
        assertThat(report.get("status").asText()).isEqualTo("delivered");
        assertThat(report.get("channel").asText()).isEqualTo("webhook");
        assertThat(report.toString()).doesNotContain("s3cret");
    }

    @Test
    void sendsNoSignatureWhenNoSecretIsSet() throws Exception {
        NotifyWebhook command = commandForNewPath(null);
        send(command);

        assertThat(receiver.awaitRequest(r -> r.path().equals(path(command)), WAIT).header(WebhookSigner.HEADER)).isNull();
    }

    @Test
    void retriesAfterAServerErrorWithTheSameDeliveryIdAndReportsEveryAttempt() throws Exception {
        NotifyWebhook command = commandForNewPath("s3cret");
        routes.put(path(command), r -> requestsTo(command).size() <= 1 ? Response.status(500) : Response.status(204));
        send(command);

        await().atMost(WAIT).until(() -> requestsTo(command).size() == 2);
        List<Request> attempts = requestsTo(command);
        assertThat(attempts).extracting(r -> r.header(WebhookSender.DELIVERY_HEADER)).containsOnly(command.deliveryId());
        assertThat(attempts.get(1).bodyText()).isEqualTo(attempts.get(0).bodyText());

        List<JsonNode> reports = reports(command, 2);
        assertThat(reports).extracting(r -> r.get("status").asText() + "#" + r.get("attempt").asInt())
                .containsExactlyInAnyOrder("retrying#1", "delivered#2");
    }

    @Test
    void clientErrorIsNotRetriedAndGoesToTheDeadLetterTopic() throws Exception {
        NotifyWebhook command = commandForNewPath(null);
        routes.put(path(command), r -> Response.status(400));
        send(command);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_WEBHOOK),
                r -> command.deliveryId().equals(KafkaTestClient.header(r, "handoff-delivery-id")), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).isEqualTo("HTTP 400; not retried");
        JsonNode report = reports(command, 1).get(0);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.has("targetState")).as("one rejected delivery says nothing about the endpoint").isFalse();
        Thread.sleep(1000); // longer than the whole test schedule: a retry would have happened by now
        assertThat(requestsTo(command)).hasSize(1);
    }

    @Test
    void goneIsNotRetriedAndTellsTheRouterTheEndpointIsGone() throws Exception {
        NotifyWebhook command = commandForNewPath(null);
        routes.put(path(command), r -> Response.status(410));
        send(command);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_WEBHOOK),
                r -> command.deliveryId().equals(KafkaTestClient.header(r, "handoff-delivery-id")), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason"))
                .isEqualTo("HTTP 410 Gone (the endpoint asks not to be called again); not retried");
        JsonNode report = reports(command, 1).get(0);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("targetState").asText()).isEqualTo("gone");
        Thread.sleep(1000); // longer than the whole test schedule: a retry would have happened by now
        assertThat(requestsTo(command)).hasSize(1);
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        NotifyWebhook command = commandForNewPath(null);
        Response tooMany = new Response(429, "text/plain", "slow down").withHeader("Retry-After", "2");
        routes.put(path(command), r -> requestsTo(command).size() <= 1 ? tooMany : Response.status(200));
        send(command);

        await().atMost(WAIT).until(() -> requestsTo(command).size() == 2);
        Instant first = reports(command, 2).stream().filter(r -> r.get("attempt").asInt() == 1)
                .map(r -> Instant.parse(r.get("occurredAt").asText())).findFirst().orElseThrow();
        Instant second = reports(command, 2).stream().filter(r -> r.get("attempt").asInt() == 2)
                .map(r -> Instant.parse(r.get("occurredAt").asText())).findFirst().orElseThrow();
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void exhaustedScheduleEndsInTheDeadLetterTopicAndAReplayDeliversWithTheSameId() throws Exception {
        NotifyWebhook command = commandForNewPath("s3cret");
        routes.put(path(command), r -> Response.status(503));
        send(command);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_WEBHOOK),
                r -> command.deliveryId().equals(KafkaTestClient.header(r, "handoff-delivery-id")), WAIT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).isEqualTo("HTTP 503; gave up after 4 attempt(s)");
        assertThat(dead.value()).contains(command.deliveryId()).doesNotContain("s3cret");
        assertThat(requestsTo(command)).hasSize(4);
        assertThat(reports(command, 4)).extracting(r -> r.get("status").asText())
                .containsExactlyInAnyOrder("retrying", "retrying", "retrying", "failed");
        // only the report that ends the schedule marks the endpoint failing
        assertThat(reports(command, 4)).filteredOn(r -> r.has("targetState"))
                .extracting(r -> r.get("status").asText() + " " + r.get("targetState").asText())
                .containsExactly("failed failing");

        OperatorApiAccessTest.asAdmin().when().get("/api/v1/webhook-deliveries/failed")
                .then().statusCode(200)
                .body("deliveryId", hasItem(command.deliveryId()))
                .body("find { it.deliveryId == '" + command.deliveryId() + "' }.attempts", equalTo(4))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("s3cret")));

        routes.put(path(command), r -> Response.status(200));
        OperatorApiAccessTest.asAdmin().when().post("/api/v1/webhook-deliveries/{id}/replay", command.deliveryId()).then().statusCode(202);

        await().atMost(WAIT).until(() -> requestsTo(command).size() == 5);
        Request replayed = requestsTo(command).get(4);
        assertThat(replayed.header(WebhookSender.DELIVERY_HEADER)).isEqualTo(command.deliveryId());
        assertThat(WebhookSignerTest.verifySignature(replayed.body(), "s3cret", replayed.header(WebhookSigner.HEADER))).isTrue();
        OperatorApiAccessTest.asAdmin().when().post("/api/v1/webhook-deliveries/{id}/replay", command.deliveryId()).then().statusCode(409);
        OperatorApiAccessTest.asAdmin().when().post("/api/v1/webhook-deliveries/{id}/replay", "unknown").then().statusCode(404);
    }

    @Test
    void aStandardWebhooksVerifierAcceptsTheRequestAndRejectsItReplayedWithAFreshTimestamp() throws Exception {
        NotifyWebhook command = commandForNewPath("s3cret");
        send(command);
        Request request = receiver.awaitRequest(r -> r.path().equals(path(command)), WAIT);
        String payload = new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
        String id = request.header(WebhookSigner.STANDARD_ID_HEADER);
        String timestamp = request.header(WebhookSigner.STANDARD_TIMESTAMP_HEADER);
        String signature = request.header(WebhookSigner.STANDARD_SIGNATURE_HEADER);
        com.standardwebhooks.Webhook verifier = new com.standardwebhooks.Webhook(
                "s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        verifier.verify(payload, standardHeaders(id, timestamp, signature));

        // an attacker who captured the request re-sends it later, with a fresh timestamp: well inside the
        // verifier's tolerance, so only the signature over the timestamp can tell
        String fresh = Long.toString(Long.parseLong(timestamp) + 30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(payload, standardHeaders(id, fresh, signature)))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
        // or with the old one, which the verifier finds too old once its five minutes are over
        String old = Long.toString(Long.parseLong(timestamp) - 600);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(payload, standardHeaders(id, old,
                        WebhookSigner.standardSignature(id, Long.parseLong(old), request.body(), "s3cret"))))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(payload.replace("escalation", "escalatiOn"),
                        standardHeaders(id, timestamp, signature)))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
    }

    private static Map<String, List<String>> standardHeaders(String id, String timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                "webhook-signature", List.of(signature));
    }

    @Test
    void anEndpointThatHangsDoesNotDelayOthers() throws Exception {
        NotifyWebhook hanging = commandForNewPath(null);
        routes.put(path(hanging), r -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.status(200);
        });
        NotifyWebhook prompt = commandForNewPath(null);
        send(hanging);
        receiver.awaitRequest(r -> r.path().equals(path(hanging)), WAIT);

        Instant sent = Instant.now();
        send(prompt);
        receiver.awaitRequest(r -> r.path().equals(path(prompt)), WAIT);

        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void internalAddressesAreRefusedAtConnectTime() throws Exception {
        for (String url : List.of("http://10.0.0.7/hooks/a", "http://169.254.169.254/latest/meta-data",
                "http://127.0.0.2:" + receiver.port() + "/hooks/loopback", "http://[::1]:" + receiver.port() + "/hooks/v6")) {
            NotifyWebhook command = command(url, null);
            send(command);

            ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_WEBHOOK),
                    r -> command.deliveryId().equals(KafkaTestClient.header(r, "handoff-delivery-id")), WAIT);
            assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).as(url).startsWith("refused: ").endsWith("not retried");
        }
        assertThat(receiver.requests()).noneMatch(r -> r.path().equals("/hooks/loopback") || r.path().equals("/hooks/v6"));
    }

    @Test
    void invalidCommandGoesToTheDeadLetterTopicWithTheReasonAndConsumptionContinues() throws Exception {
        String key = "bad-" + UUID.randomUUID();
        kafka.send(Topics.NOTIFY_WEBHOOK, key, "{\"type\":\"notify.webhook\",\"eventId\":\"e-1\"");
        String missingUrlKey = "no-url-" + UUID.randomUUID();
        kafka.send(Topics.NOTIFY_WEBHOOK, missingUrlKey, "{\"type\":\"notify.webhook\",\"eventId\":\"e-2\",\"occurredAt\":\"2026-02-09T12:00:00Z\"}");
        NotifyWebhook good = commandForNewPath("after-bad");
        send(good);

        ConsumerRecord<String, String> malformed = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_WEBHOOK), r -> key.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(malformed, "dead-letter-reason")).contains("malformed JSON");
        assertThat(malformed.value()).isEqualTo("{\"type\":\"notify.webhook\",\"eventId\":\"e-1\"");
        ConsumerRecord<String, String> incomplete = kafka.awaitRecord(Topics.dlq(Topics.NOTIFY_WEBHOOK),
                r -> missingUrlKey.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(incomplete, "dead-letter-reason")).contains("url");

        receiver.awaitRequest(r -> r.path().equals(path(good)), WAIT);
    }
}
