package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.MailParts;
import io.handoff.testing.RecordingHttpServer;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The six packaged services as separate processes, against one broker, one PostgreSQL, an SMTP
 * server, a webhook receiver and a Slack API stand-in: one visitor message must reach every channel,
 * and the agent console, in a browser, shows the statistics the router computed from it. The services
 * export their spans to an OTLP collector stand-in, where one trace follows a message to the webhook.
 */
class PipelineEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SECRET = "e2e-signing-secret";

    @TempDir
    static Path workDir;

    static LocalStack stack;
    static RecordingHttpServer collector;
    static WebSocket agent;
    static final List<String> agentFrames = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() {
        Path root = Path.of(Objects.requireNonNull(System.getProperty("handoff.root"), "handoff.root"));
        collector = RecordingHttpServer.start(0);
        Map<String, Map<String, String>> tracing = new LinkedHashMap<>();
        for (String module : LocalStack.MODULES) {
            tracing.put(module, Map.of(
                    "handoff.tracing.exporter", "otlp",
                    "handoff.tracing.otlp.endpoint", collector.url("/v1/traces"),
                    "handoff.tracing.otlp.protocol", "http/json"));
        }
        stack = LocalStack.start(root, workDir, StackPorts.random(), Duration.ofMinutes(4), tracing);
        agent = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + stack.ports().gateway() + "/ws/agent?access_token="
                        + stack.adminToken(Duration.ofMinutes(30))),
                        new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            agentFrames.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).join();
    }

    @AfterAll
    static void stopStack() {
        if (agent != null) {
            agent.abort();
        }
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void visitorAskingForAPersonReachesWebhookEmailSlackAndTheAgentConsole() throws Exception {
        String chatbot = "chatbot-" + UUID.randomUUID();
        String webhookPath = "/hooks/" + UUID.randomUUID();
        String settings = """
                {"name": "My Chatbot", "offerFirst": false,
                 "email": {"enabled": true, "recipients": "team@support.test"},
                 "slack": {"enabled": true, "channel": "C0SUPPORT"},
                 "webhook": {"enabled": true, "url": "%s", "signingSecret": "%s"},
                 "responseSlaMinutes": 15}
                """.formatted(stack.webhookReceiver().url(webhookPath), SECRET);
        stack.connectSlack(chatbot, "C0SUPPORT");
        HttpResponse<String> saved = stack.putSettings(chatbot, settings);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        awaitDetectorSettings(chatbot);

        long conversation = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String message = """
                {"type": "message.created", "eventId": "%s", "occurredAt": "2026-02-09T12:00:00Z",
                 "chatbot": {"id": "%s", "name": "My Chatbot"},
                 "conversation": {"id": %d, "channel": "web", "locale": "en"},
                 "visitor": {"id": 123, "email": "visitor@example.com", "firstName": "Jane", "lastName": "Doe", "phone": "+1234567890"},
                 "message": {"id": "m-1", "role": "visitor", "text": "Can I talk to a person?"}}
                """.formatted(UUID.randomUUID(), chatbot, conversation);
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            kafka.send(Topics.CONVERSATION_EVENTS, Long.toString(conversation), message);
        }

        // the third party's webhook: the published payload, signed as docs/webhooks.md says
        RecordingHttpServer.Request webhook = stack.webhookReceiver().awaitRequest(r -> r.path().equals(webhookPath), WAIT);
        assertThat(verifySignature(webhook.body(), SECRET, webhook.header("X-Signature-256"))).isTrue();
        JsonNode body = EventJson.mapper().readTree(webhook.body());
        assertThat(body.get("event").asText()).isEqualTo("escalation.created");
        assertThat(body.get("title").asText()).isEqualTo("My Chatbot: Visitor needs human assistance");
        assertThat(body.get("text").asText()).isEqualTo("Can I talk to a person?");
        assertThat(body.get("chatbot").get("id").asText()).isEqualTo(chatbot);
        assertThat(body.get("visitor").get("id").isIntegralNumber()).isTrue();
        assertThat(body.get("visitor").get("email").asText()).isEqualTo("visitor@example.com");
        assertThat(body.get("visitor").get("first_name").asText()).isEqualTo("Jane");
        assertThat(body.get("conversation").get("id").asLong()).isEqualTo(conversation);
        assertThat(body.get("conversation").get("last_message").asText()).isEqualTo("Can I talk to a person?");
        assertThat(body.get("inbox_url").asText()).contains("conversation=" + conversation);
        assertThat(body.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");

        // the team's email
        await().atMost(WAIT).untilAsserted(() -> assertThat(stack.smtp().receivedMessages())
                .anySatisfy(m -> assertEmail(m, conversation)));

        // Slack
        RecordingHttpServer.Request slack = stack.slackApi().recorder().awaitRequest(
                r -> r.path().equals("/api/chat.postMessage") && decode(r.bodyText()).contains("conversation=" + conversation), WAIT);
        assertThat(decode(slack.bodyText())).contains("channel=C0SUPPORT").contains("Can I talk to a person?");

        // the agent console's WebSocket
        await().atMost(WAIT).untilAsserted(() -> assertThat(agentFrames)
                .anySatisfy(frame -> {
                    JsonNode node = EventJson.mapper().readTree(frame);
                    assertThat(node.get("type").asText()).isEqualTo("escalation.created");
                    assertThat(node.get("summary").get("conversation").get("id").asLong()).isEqualTo(conversation);
                    assertThat(node.get("summary").get("state").asText()).isEqualTo("WAITING");
                }));
    }

    @Test
    void twoChatbotsUsingTheSameConversationIdReachOnlyTheirOwnTeams() throws Exception {
        long conversation = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Map<String, String> detail = Map.of("a", "parcel 4411 is lost", "b", "invoice 9902 is wrong");
        Map<String, String> chatbots = new LinkedHashMap<>();
        for (String tenant : detail.keySet()) {
            String chatbot = "tenant-" + tenant + "-" + UUID.randomUUID();
            chatbots.put(tenant, chatbot);
            stack.connectSlack(chatbot, "C0TEAM" + tenant.toUpperCase());
            HttpResponse<String> saved = stack.putSettings(chatbot, """
                    {"name": "My Chatbot", "offerFirst": false,
                     "email": {"enabled": true, "recipients": "team-%1$s@support.test"},
                     "slack": {"enabled": true, "channel": "C0TEAM%2$s"},
                     "webhook": {"enabled": true, "url": "%3$s"}}
                    """.formatted(tenant, tenant.toUpperCase(), stack.webhookReceiver().url("/tenants/" + chatbot)));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            awaitDetectorSettings(chatbot);
        }
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            int n = 0;
            for (String tenant : detail.keySet()) {
                for (String text : List.of("My " + detail.get(tenant), "Can I talk to a person?")) {
                    kafka.send(Topics.CONVERSATION_EVENTS, Long.toString(conversation), """
                            {"type": "message.created", "eventId": "%s", "occurredAt": "2026-02-09T12:00:0%dZ",
                             "chatbot": {"id": "%s", "name": "My Chatbot"},
                             "conversation": {"id": %d, "channel": "web", "locale": "en"},
                             "visitor": {"id": 123, "email": "visitor-%s@example.com"},
                             "message": {"id": "m-%d", "role": "visitor", "text": "%s"}}
                            """.formatted(UUID.randomUUID(), n, chatbots.get(tenant), conversation, tenant, n, text));
                    n++;
                }
            }
        }
        for (String tenant : detail.keySet()) {
            String own = detail.get(tenant);
            String other = detail.get(tenant.equals("a") ? "b" : "a");
            String chatbot = chatbots.get(tenant);
            // the webhook: its own chatbot, its own visitor
            JsonNode webhook = EventJson.mapper().readTree(stack.webhookReceiver()
                    .awaitRequest(r -> r.path().equals("/tenants/" + chatbot), WAIT).body());
            assertThat(webhook.get("chatbot").get("id").asText()).isEqualTo(chatbot);
            assertThat(webhook.get("visitor").get("email").asText()).isEqualTo("visitor-" + tenant + "@example.com");
            // the email to its own team holds its own transcript only
            await().atMost(WAIT).untilAsserted(() -> assertThat(stack.smtp().receivedMessages())
                    .filteredOn(m -> firstRecipient(m).equals("team-" + tenant + "@support.test"))
                    .singleElement()
                    .satisfies(m -> assertThat(MailParts.text(m, "text/plain")).contains(own).doesNotContain(other)));
            // the Slack post goes to its own channel, with its own conversation
            RecordingHttpServer.Request slack = stack.slackApi().recorder().awaitRequest(r -> r.path().equals("/api/chat.postMessage")
                    && decode(r.bodyText()).contains("channel=C0TEAM" + tenant.toUpperCase()), WAIT);
            assertThat(decode(slack.bodyText())).contains("chatbot=" + chatbot).doesNotContain(other);
        }
        // the console: two conversations of the same id, each with its chatbot
        await().atMost(WAIT).untilAsserted(() -> assertThat(agentFrames.stream()
                .map(PipelineEndToEndTest::tree)
                .filter(f -> f.path("type").asText().equals("escalation.created")
                        && f.path("conversationId").asText().equals(Long.toString(conversation)))
                .map(f -> f.path("chatbotId").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(chatbots.values()));
    }

    @Test
    void oneTraceFollowsAVisitorMessageThroughDetectorRouterAndNotifiersToTheWebhook() throws Exception {
        String chatbot = "chatbot-" + UUID.randomUUID();
        String webhookPath = "/hooks/" + UUID.randomUUID();
        HttpResponse<String> saved = stack.putSettings(chatbot, """
                {"name": "Traced Bot", "offerFirst": false,
                 "email": {"enabled": true, "recipients": "traces@support.test"},
                 "webhook": {"enabled": true, "url": "%s"}}
                """.formatted(stack.webhookReceiver().url(webhookPath)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        awaitDetectorSettings(chatbot);

        // the upstream chat service's own span, as a W3C traceparent on the event
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String upstreamSpan = HexFormat.of().formatHex(randomBytes(8));
        long conversation = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String message = """
                {"type": "message.created", "eventId": "%s", "occurredAt": "2026-02-09T12:00:00Z",
                 "chatbot": {"id": "%s", "name": "Traced Bot"},
                 "conversation": {"id": %d, "channel": "web", "locale": "en"},
                 "visitor": {"id": 7, "email": "visitor@example.com"},
                 "message": {"id": "m-1", "role": "visitor", "text": "Can I talk to a person?"}}
                """.formatted(UUID.randomUUID(), chatbot, conversation);
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            kafka.send(Topics.CONVERSATION_EVENTS, Long.toString(conversation), message,
                    Map.of("traceparent", "00-" + traceId + "-" + upstreamSpan + "-01"));

            // every hop's record carries the trace on, each with the span of the service that produced it
            String escalationParent = spanOf(traceId, KafkaTestClient.header(kafka.awaitRecord(Topics.ESCALATIONS,
                    r -> r.value().contains(chatbot), WAIT), "traceparent"));
            String commandParent = spanOf(traceId, KafkaTestClient.header(kafka.awaitRecord(Topics.NOTIFY_WEBHOOK,
                    r -> r.value().contains(chatbot), WAIT), "traceparent"));
            String emailParent = spanOf(traceId, KafkaTestClient.header(kafka.awaitRecord(Topics.NOTIFY_EMAIL,
                    r -> r.value().contains(chatbot), WAIT), "traceparent"));
            // and so does the webhook request, to the third party
            RecordingHttpServer.Request webhook = stack.webhookReceiver().awaitRequest(r -> r.path().equals(webhookPath), WAIT);
            String callSpan = spanOf(traceId, webhook.header("traceparent"));

            // the collector holds the whole trace: who did what, in which order
            await().atMost(WAIT).untilAsserted(() -> assertThat(spansOf(traceId)).hasSizeGreaterThanOrEqualTo(5));
            List<TracedSpan> spans = spansOf(traceId);
            TracedSpan detector = only(spans, "trigger-detector", "chat.conversation-events process");
            assertThat(detector.parent()).isEqualTo(upstreamSpan);
            assertThat(detector.id()).isEqualTo(escalationParent);
            TracedSpan router = only(spans, "escalation-router", "handoff.escalations process");
            assertThat(router.parent()).isEqualTo(detector.id());
            assertThat(router.id()).isEqualTo(commandParent).isEqualTo(emailParent);
            TracedSpan notifier = only(spans, "notifier-webhook", "handoff.notify.webhook process");
            assertThat(notifier.parent()).isEqualTo(router.id());
            TracedSpan call = only(spans, "notifier-webhook", "POST");
            assertThat(call.parent()).isEqualTo(notifier.id());
            assertThat(call.id()).isEqualTo(callSpan);
            assertThat(only(spans, "notifier-email", "handoff.notify.email process").parent()).isEqualTo(router.id());
            // ids, never the visitor's words
            assertThat(collector.requests()).noneSatisfy(r -> assertThat(r.bodyText()).contains("talk to a person"));
        }
    }

    private record TracedSpan(String service, String name, String id, String parent) {
    }

    /**
     * The detector applies settings from the settings topic: waits until its rule tester decides with the
     * chatbot's own (no offer first, an email required, which the probe's visitor has not given).
     */
    private static void awaitDetectorSettings(String chatbot) {
        stack.awaitDetectorAction(chatbot, "request_contact", WAIT);
    }

    /** The span id of a traceparent of {@code traceId}. */
    private static String spanOf(String traceId, String traceparent) {
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        return traceparent.substring(36, 52);
    }

    /** The spans of one trace the services exported (OTLP/HTTP JSON). */
    private static List<TracedSpan> spansOf(String traceId) throws Exception {
        List<TracedSpan> spans = new ArrayList<>();
        for (RecordingHttpServer.Request export : collector.requests()) {
            for (JsonNode resource : EventJson.mapper().readTree(export.body()).path("resourceSpans")) {
                String service = null;
                for (JsonNode attribute : resource.path("resource").path("attributes")) {
                    if (attribute.path("key").asText().equals("service.name")) {
                        service = attribute.path("value").path("stringValue").asText();
                    }
                }
                for (JsonNode scope : resource.path("scopeSpans")) {
                    for (JsonNode span : scope.path("spans")) {
                        if (span.path("traceId").asText().equals(traceId)) {
                            spans.add(new TracedSpan(service, span.path("name").asText(), span.path("spanId").asText(),
                                    span.path("parentSpanId").asText()));
                        }
                    }
                }
            }
        }
        return spans;
    }

    private static TracedSpan only(List<TracedSpan> spans, String service, String name) {
        List<TracedSpan> found = spans.stream().filter(s -> service.equals(s.service()) && name.equals(s.name())).toList();
        assertThat(found).as("%s span %s in %s", service, name, spans).hasSize(1);
        return found.get(0);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void assertEmail(MimeMessage message, long conversation) throws Exception {
        assertThat(message.getSubject()).isEqualTo("My Chatbot: Visitor needs human assistance");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("team@support.test");
        String text = MailParts.text(message, "text/plain") + MailParts.text(message, "text/html");
        assertThat(text).contains("Can I talk to a person?").contains("conversation=" + conversation);
    }


    /** The receiver-side check from the webhook contract, written like its Node.js snippet. */
    private static boolean verifySignature(byte[] payload, String secret, String signature) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(hmac.doFinal(payload));
        return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstRecipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String frame) {
        try {
            return EventJson.mapper().readTree(frame);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a frame that is not JSON: " + frame, e);
        }
    }

    private static String decode(String form) {
        return java.net.URLDecoder.decode(form, StandardCharsets.UTF_8);
    }

    /**
     * An agent answers in the escalation's Slack thread: Slack's signed event reaches notifier-slack,
     * the gateway claims the conversation for the agent, the visitor is told the agent joined and gets
     * the message, and the Slack thread shows who has it.
     */
    @Test
    void anAgentAnswersInTheSlackThreadAndTheVisitorGetsTheMessage() throws Exception {
        String chatbot = "chatbot-" + UUID.randomUUID();
        stack.connectSlack(chatbot, "C0REPLIES");
        HttpResponse<String> saved = stack.putSettings(chatbot, """
                {"name": "Reply Bot", "offerFirst": false, "slack": {"enabled": true}}
                """);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long conversation = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String message = """
                {"type": "message.created", "eventId": "%s", "occurredAt": "2026-02-09T12:00:00Z",
                 "chatbot": {"id": "%s", "name": "Reply Bot"},
                 "conversation": {"id": %d, "channel": "web", "locale": "en"},
                 "visitor": {"id": 7, "email": "jane@example.com", "firstName": "Jane"},
                 "message": {"id": "m-1", "role": "visitor", "text": "I want to talk to a human"}}
                """.formatted(UUID.randomUUID(), chatbot, conversation);
        String key = Long.toString(conversation);
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            // the detector applies settings from the settings topic: send until this chatbot escalates
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(3)).until(() -> {
                kafka.send(Topics.CONVERSATION_EVENTS, key, message);
                return !kafka.readAll(Topics.ESCALATIONS, Duration.ofSeconds(1)).stream()
                        .filter(r -> key.equals(r.key())).toList().isEmpty();
            });
            String escalationId = EventJson.mapper().readTree(kafka.awaitRecord(Topics.ESCALATIONS,
                    r -> key.equals(r.key()), WAIT).value()).get("escalationId").asText();
            String posted = kafka.awaitRecord(Topics.DELIVERIES, r -> escalationId.equals(r.key())
                    && r.value().contains("posted, ts "), WAIT).value();
            String threadTs = posted.replaceAll(".*posted, ts ([0-9.]+).*", "$1");

            String event = ("{\"type\":\"event_callback\",\"team_id\":\"T0LOCAL\",\"event\":{\"type\":\"message\","
                    + "\"channel\":\"C0REPLIES\",\"user\":\"U0SAM\",\"text\":\"Hi Jane, Sam here. How can I help?\","
                    + "\"ts\":\"1800000000.000500\",\"thread_ts\":\"%s\"}}").formatted(threadTs);
            String ts = Long.toString(java.time.Instant.now().getEpochSecond());
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(stack.slackUrl("/slack/events")))
                    .header("Content-Type", "application/json")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", slackSignature(ts, event))
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

            List<ConsumerRecord<String, String>> toVisitor = kafka.awaitRecords(Topics.DIRECTIVES,
                    r -> key.equals(r.key()) && (r.value().contains("livechat.started") || r.value().contains("agent.message")),
                    2, WAIT);
            assertThat(toVisitor.get(0).value()).contains("\"type\":\"livechat.started\"")
                    .contains("Sam from our team has joined the conversation.");
            assertThat(toVisitor.get(1).value()).contains("\"type\":\"agent.message\"")
                    .contains("Hi Jane, Sam here. How can I help?");
            stack.slackApi().recorder().awaitRequest(r -> r.path().equals("/api/chat.update")
                    && decode(r.bodyText()).contains("Claimed by Sam"), WAIT);
        }
    }

    /**
     * An agent opens the console's statistics view for their chatbot, in a real browser, over the
     * last 24 hours: the figures and charts are the router's, computed from the real events of an
     * escalation that went through the detector.
     */
    @Test
    void theConsoleShowsTheStatisticsTheRouterComputedFromAnEscalation(TestInfo test) throws Exception {
        String chatbot = "chatbot-" + UUID.randomUUID();
        HttpResponse<String> saved = stack.putSettings(chatbot, """
                {"name": "Stats Bot", "offerFirst": false, "email": {"enabled": true, "recipients": "team@support.test"}}
                """);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        awaitDetectorSettings(chatbot);
        long conversation = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String message = """
                {"type": "message.created", "eventId": "%s", "occurredAt": "%s",
                 "chatbot": {"id": "%s", "name": "Stats Bot"},
                 "conversation": {"id": %d, "channel": "web", "locale": "en"},
                 "visitor": {"id": 9, "email": "ana@example.com", "firstName": "Ana"},
                 "message": {"id": "m-1", "role": "visitor", "text": "Can I talk to a person?"}}
                """.formatted(UUID.randomUUID(), Instant.now(), chatbot, conversation);
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            kafka.send(Topics.CONVERSATION_EVENTS, Long.toString(conversation), message);
        }

        String token = stack.agentToken("agent-kim", "Kim", List.of(chatbot), Duration.ofMinutes(30));
        // the router has recorded the conversation and its escalation before the page asks
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(
                            URI.create(stack.routerUrl("/api/v1/chatbots/" + chatbot + "/stats")))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
            JsonNode totals = EventJson.mapper().readTree(stats.body()).get("totals");
            assertThat(totals.get("escalations").asInt()).isEqualTo(1);
            assertThat(totals.get("conversations").asInt()).isPositive();
        });

        try (ConsoleBrowser browser = ConsoleBrowser.start(Duration.ofSeconds(30))) {
            browser.run(test, () -> {
                browser.openAndSignIn(stack.gatewayUrl("/console/?view=stats&range=24h&chatbot="
                        + URLEncoder.encode(chatbot, StandardCharsets.UTF_8)), token, "Kim");
                browser.await(d -> chatbot.equals(browser.byTestId("stats-results").getAttribute("data-chatbot"))
                        && browser.byTestId("stats-results").isDisplayed());
                assertThat(browser.byTestId("stats-error").isDisplayed()).isFalse();
                assertThat(browser.byTestId("stats-status").getText()).contains(chatbot).contains("last 24 hours, per hour");
                assertThat(browser.byTestId("stats-results").getAttribute("data-interval")).isEqualTo("hour");

                assertThat(figure(browser, "escalations")).isEqualTo("1");
                assertThat(Integer.parseInt(figure(browser, "conversations"))).isPositive();

                WebElement triggers = browser.byTestId("chart-triggers");
                assertThat(triggers.findElement(ConsoleBrowser.testId("chart-svg")).getAttribute("aria-label"))
                        .contains("Asked for a person (human_request) 1");
                WebElement humanRequest = triggers.findElement(By.cssSelector("tr[data-trigger='human_request']"));
                assertThat(humanRequest.getAttribute("textContent")).contains("human_request").contains("1");
                assertThat(triggers.findElements(By.cssSelector("tr[data-trigger]"))).hasSize(1);
            });
        }
    }

    /** The value a figure of the statistics view shows, e.g. "1" for one escalation. */
    private static String figure(ConsoleBrowser browser, String name) {
        return browser.byTestId("figure-" + name).findElement(By.cssSelector(".value")).getText();
    }

    private static String slackSignature(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(LocalStack.SLACK_SIGNING_SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
