package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.Topics;
import io.handoff.events.ExternalId;
import io.handoff.events.VisitorRef;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.SampleEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system under faults, on one local stack with the six packaged services as separate processes:
 * malformed API requests, poison records, a webhook receiver and an SMTP server that go away and
 * come back, every service killed with SIGKILL under load, and a broker restart. Each scenario prints
 * one line with its counts (produced, delivered, lost, duplicates) and fails unless nothing was lost.
 * docs/reliability.md describes the scenarios and the figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Visitor messages a second while services are killed and the broker restarts. */
    private static final int RATE = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Short retry schedules so that an outage of seconds is waited out in seconds, and short consumer
     * session timeouts so that a killed consumer's partitions move to its replacement within seconds
     * rather than the default 45.
     */
    private static final Map<String, Map<String, String>> SERVICE_CONFIG = Map.of(
            "trigger-detector", Map.of(
                    "handoff.detector.streams.\"consumer.session.timeout.ms\"", "6000",
                    "handoff.detector.streams.\"consumer.heartbeat.interval.ms\"", "1000"),
            "escalation-router", fastGroups(Map.of()),
            "notifier-email", fastGroups(Map.of(
                    "handoff.email.retry.delays", "1s,2s,3s,5s,8s,13s,20s",
                    "handoff.email.retry.jitter", "0.1")),
            "notifier-slack", fastGroups(Map.of()),
            "notifier-webhook", fastGroups(Map.of(
                    "handoff.webhook.retry.delays", "1s,2s,4s,8s,8s,8s,8s,8s,8s",
                    "handoff.webhook.retry.jitter", "0.1",
                    "handoff.webhook.retry.poll-interval", "200ms")),
            "livechat-gateway", fastGroups(Map.of()));

    /** Kept when a scenario fails: the services' logs are in its logs/ directory. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path workDir;

    static LocalStack stack;
    static KafkaTestClient kafka;
    static TopicFollower escalations;
    static TopicFollower deliveries;
    static final Map<String, TopicFollower> deadLetters = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() {
        Path root = Path.of(Objects.requireNonNull(System.getProperty("handoff.root"), "handoff.root"));
        System.out.println("[fault] the stack's work directory, with the services' logs: " + workDir);
        stack = LocalStack.start(root, workDir, StackPorts.random(), READY, SERVICE_CONFIG);
        kafka = new KafkaTestClient(stack.kafkaBootstrapServers());
        escalations = TopicFollower.start(stack.kafkaBootstrapServers(), Topics.ESCALATIONS);
        deliveries = TopicFollower.start(stack.kafkaBootstrapServers(), Topics.DELIVERIES);
        for (String topic : List.of(Topics.CONVERSATION_EVENTS, Topics.ESCALATIONS, Topics.NOTIFY_WEBHOOK)) {
            deadLetters.put(topic, TopicFollower.start(stack.kafkaBootstrapServers(), Topics.dlq(topic)));
        }
    }

    @AfterAll
    static void stopStack() {
        deadLetters.values().forEach(TopicFollower::close);
        for (AutoCloseable closeable : new AutoCloseable[]{escalations, deliveries, kafka, stack}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("could not stop " + closeable.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private static Map<String, String> fastGroups(Map<String, String> more) {
        Map<String, String> config = new LinkedHashMap<>(more);
        config.put("kafka.session.timeout.ms", "6000");
        config.put("kafka.heartbeat.interval.ms", "1000");
        return config;
    }

    // ---------------------------------------------------------------------------------------------
    // API abuse

    @Test
    @Order(1)
    void malformedApiRequestsGetA4xxProblemAndNeverA500() throws Exception {
        Map<String, Long> pids = pids();
        String chatbot = "abuse-" + UUID.randomUUID();
        String token = stack.adminToken(Duration.ofMinutes(30));
        HttpResponse<String> control = stack.putSettings(chatbot, "{\"name\": \"Control\", \"responseSlaMinutes\": 20}");
        assertThat(control.statusCode()).as(control.body()).isEqualTo(200);

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        List<MalformedRequests.Request> requests = MalformedRequests.settings(chatbot);
        for (MalformedRequests.Request request : requests) {
            HttpResponse<String> response = send(stack.routerUrl(request.path()), request, token);
            statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
            String problem = problemOf(response);
            if (problem != null) {
                wrong.add(problem + " for " + request.describe());
            }
        }

        // without a valid token, the same kind of answer
        List<String> badTokens = List.of("", "Bearer", "Bearer garbage", "Basic YWRtaW46YWRtaW4=",
                "Bearer " + "a".repeat(8_000), "Bearer " + token + "x", "Bearer " + stack.adminToken(Duration.ofMinutes(-10)));
        for (String authorization : badTokens) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.routerUrl("/api/v1/chatbots/" + chatbot + "/settings")))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}"));
            if (!authorization.isEmpty()) {
                builder.header("Authorization", authorization);
            }
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
            String problem = problemOf(response);
            if (problem != null) {
                wrong.add(problem + " for the Authorization header " + authorization.substring(0, Math.min(30, authorization.length())));
            }
        }

        // reads with injection strings as the id find nothing, and say so as a problem
        for (String injection : MalformedRequests.INJECTIONS) {
            String path = "/api/v1/chatbots/" + URLEncoder.encode(injection, StandardCharsets.UTF_8).replace("+", "%20") + "/settings";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.routerUrl(path)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
            String problem = problemOf(response);
            if (problem != null) {
                wrong.add(problem + " for GET " + path);
            }
        }

        // notifier-slack's connections API
        String slackPath = "/api/v1/chatbots/" + chatbot + "/slack";
        int slackRequests = 0;
        for (MalformedRequests.Request request : MalformedRequests.slackConnections(slackPath)) {
            HttpResponse<String> response = send(stack.slackUrl(request.path()), request, token);
            slackRequests++;
            statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
            String problem = problemOf(response);
            if (problem != null) {
                wrong.add("notifier-slack: " + problem + " for " + request.describe());
            }
        }

        // the gateway's WebSocket handshake
        List<MalformedRequests.Handshake> handshakes = MalformedRequests.handshakes(
                stack.agentToken("agent-abuse", "Abuse", List.of(chatbot), Duration.ofMinutes(30)),
                stack.agentToken("agent-abuse", "Abuse", List.of(chatbot), Duration.ofMinutes(-10)));
        for (MalformedRequests.Handshake handshake : handshakes) {
            int status = rawHttpStatus(stack.ports().gateway(), handshake.method(), "/ws/agent" + handshake.query(),
                    handshake.headers());
            statuses.merge(Integer.toString(status), 1, Integer::sum);
            if (status < 400 || status >= 500) {
                wrong.add("livechat-gateway: HTTP " + status + " for the handshake with " + handshake.description());
            }
        }

        int total = requests.size() + badTokens.size() + MalformedRequests.INJECTIONS.size() + slackRequests + handshakes.size();
        System.out.println("[fault:api-abuse] requests=" + total + " (router settings " + requests.size()
                + ", router tokens " + badTokens.size() + ", router reads " + MalformedRequests.INJECTIONS.size()
                + ", notifier-slack " + slackRequests + ", gateway handshakes " + handshakes.size() + ") statuses=" + statuses
                + " wrong=" + wrong.size());
        assertThat(wrong).as("answers that are not a 4xx problem document").isEmpty();

        // nothing was damaged, nothing restarted, everything is healthy
        HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(URI.create(stack.routerUrl("/api/v1/chatbots/" + chatbot + "/settings")))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(stored.body()).get("name").asText()).isEqualTo("Control");
        assertThat(EventJson.mapper().readTree(stored.body()).get("responseSlaMinutes").asInt()).isEqualTo(20);
        assertUnchangedAndReady(pids);
    }

    /**
     * Why {@code response} is not a 4xx problem document, or null when it is one. The HTTP server itself
     * refuses a request line or headers beyond its limits before the application sees them: that 414 or
     * 431 comes without a body.
     */
    private static String problemOf(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return "HTTP " + status + " " + abbreviate(response.body());
        }
        if ((status == 414 || status == 431) && response.body().isEmpty()) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "HTTP " + status + " with Content-Type '" + type + "' " + abbreviate(response.body());
        }
        try {
            JsonNode problem = EventJson.mapper().readTree(response.body());
            if (problem.path("status").asInt() != status || !problem.path("title").isTextual()) {
                return "HTTP " + status + " with a problem document that does not say so: " + abbreviate(response.body());
            }
        } catch (IOException e) {
            return "HTTP " + status + " with a body that is not JSON: " + abbreviate(response.body());
        }
        return null;
    }

    private static HttpResponse<String> send(String url, MalformedRequests.Request request, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a request over a plain socket, for WebSocket handshakes (the JDK's HTTP client does not
     * let a caller set {@code Upgrade} and {@code Connection}), and returns the status of the answer.
     */
    private static int rawHttpStatus(int port, String method, String target, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (!headers.containsKey("Connection")) {
                request.append("Connection: close\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = reader.readLine();
            if (statusLine == null) {
                return -1;
            }
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    // ---------------------------------------------------------------------------------------------
    // poison records

    @Test
    @Order(2)
    void poisonRecordsGoToTheDeadLetterTopicsWithTheReasonWhileValidTrafficFlows() throws Exception {
        Map<String, Long> pids = pids();
        Scenario scenario = configure("poison");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<PoisonRecords.Poison> poisons = PoisonRecords.all(scenario.chatbotId(), run);
        for (PoisonRecords.Poison poison : poisons) {
            kafka.sendBytes(poison.topic(), poison.key(), poison.value());
        }
        // valid traffic behind the poison, on the same partitions
        Set<String> asked = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            asked.add(askForAPerson(scenario.chatbotId(), "poison-" + run + "-valid-" + i));
        }

        int deadLettered = 0;
        int expected = 0;
        List<String> wrong = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (PoisonRecords.Poison poison : poisons) {
            TopicFollower dlq = deadLetters.get(poison.topic());
            List<ConsumerRecord<String, byte[]>> copies = dlq.awaitMatching(r -> poison.key().equals(r.key()),
                    poison.consumers(), WAIT);
            deadLettered += copies.size();
            expected += poison.consumers();
            if (copies.size() > poison.consumers()) {
                repeated.add(poison.topic() + " " + poison.kind() + " x" + copies.size());
            }
            for (ConsumerRecord<String, byte[]> copy : copies) {
                String reason = KafkaTestClient.header(copy, "dead-letter-reason");
                String cause = KafkaTestClient.header(copy, "dead-letter-cause");
                String said = reason + " / " + cause;
                if (reason == null || !said.toLowerCase(Locale.ROOT).contains(poison.reason().toLowerCase(Locale.ROOT))) {
                    wrong.add(poison.topic() + " " + poison.kind() + ": reason '" + abbreviate(said) + "' does not say '" + poison.reason() + "'");
                }
                // copied unchanged; a consumer that reads values as text (all but the detector) can
                // only give back what it read, so bytes that are not UTF-8 come back replaced
                boolean readAsText = KafkaTestClient.header(copy, "dead-letter-exception-class-name") != null;
                if ((PoisonRecords.isUtf8(poison.value()) || !readAsText) && !Arrays.equals(copy.value(), poison.value())) {
                    wrong.add(poison.topic() + " " + poison.kind() + ": the dead-letter copy is not the record as it was");
                }
                if (!poison.topic().equals(KafkaTestClient.header(copy, "dead-letter-topic"))) {
                    wrong.add(poison.topic() + " " + poison.kind() + ": dead-letter-topic is " + KafkaTestClient.header(copy, "dead-letter-topic"));
                }
            }
        }
        DeliveryAudit.Report report = scenario.audit().awaitDelivered("poison", asked.size(), asked, WAIT);
        System.out.println("[fault:poison] poison records=" + poisons.size() + " dead letters=" + deadLettered
                + " (one per consuming service: " + expected + (repeated.isEmpty() ? "" : "; more for " + repeated) + ")"
                + " wrong reasons=" + wrong.size());
        assertThat(wrong).isEmpty();
        report(report);
        assertUnchangedAndReady(pids);
    }

    // ---------------------------------------------------------------------------------------------
    // outages of the outside world

    @Test
    @Order(3)
    void webhookDeliveriesWaitOutAReceiverOutage() throws Exception {
        Scenario scenario = configure("webhook-outage");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> asked = new HashSet<>();
        stack.webhookReceiver().stop();
        try {
            for (int i = 0; i < 20; i++) {
                asked.add(askForAPerson(scenario.chatbotId(), "webhook-outage-" + run + "-" + i));
            }
            // down for longer than the first retries: every delivery has failed three times
            awaitFailedAttempts(scenario, asked, "webhook", 3);
        } finally {
            stack.webhookReceiver().startAgain();
        }
        report(scenario.audit().awaitDelivered("webhook-outage", asked.size(), asked, WAIT));
    }

    @Test
    @Order(4)
    void emailDeliveriesWaitOutAnSmtpOutage() throws Exception {
        Scenario scenario = configure("smtp-outage");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> asked = new HashSet<>();
        stack.smtp().stop();
        try {
            // fewer than the 16 commands notifier-email handles at once, so each one is being retried
            // during the outage (more would wait for a free slot, and the first ones would use up their
            // schedule while the test waits for the last to start)
            for (int i = 0; i < 12; i++) {
                asked.add(askForAPerson(scenario.chatbotId(), "smtp-outage-" + run + "-" + i));
            }
            awaitFailedAttempts(scenario, asked, "email", 3);
        } finally {
            stack.smtp().startAgain();
        }
        report(scenario.audit().awaitDelivered("smtp-outage", asked.size(), asked, WAIT));
    }

    /** Waits until each of the conversations' escalations has had {@code attempts} failed attempts on {@code channel}. */
    private static void awaitFailedAttempts(Scenario scenario, Set<String> conversations, String channel, int attempts) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).alias(channel + " retries during the outage").until(() -> {
            Set<String> escalationIds = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : escalations.records()) {
                JsonNode event = TopicFollower.json(record);
                if (conversations.contains(event.path("conversation").path("id").asText())) {
                    escalationIds.add(event.path("escalationId").asText());
                }
            }
            Set<String> retried = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : deliveries.matching(r -> escalationIds.contains(r.key()))) {
                JsonNode result = TopicFollower.json(record);
                if (channel.equals(result.path("channel").asText()) && "retrying".equals(result.path("status").asText())
                        && result.path("attempt").asInt() >= attempts) {
                    retried.add(record.key());
                }
            }
            return escalationIds.size() == conversations.size() && retried.containsAll(escalationIds);
        });
    }

    // ---------------------------------------------------------------------------------------------
    // crashes

    @Test
    @Order(5)
    void killingEachServiceUnderLoadLosesNoEscalation() throws Exception {
        Scenario scenario = configure("crash");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> restarts = new ArrayList<>();
        try (UpstreamTraffic traffic = new UpstreamTraffic(stack.kafkaBootstrapServers(), scenario.chatbotId(),
                "crash-" + run, 60)) {
            traffic.start(RATE);
            awaitDeliveredMore(scenario, traffic, 0, 10);
            for (String module : LocalStack.MODULES) {
                long started = System.nanoTime();
                int deliveredBefore = delivered(scenario, traffic);
                stack.service(module).kill();
                stack.restart(module, READY);
                long ready = System.nanoTime();
                // the pipeline moves again before the next service is killed
                awaitDeliveredMore(scenario, traffic, deliveredBefore, 5);
                restarts.add(module + " ready after " + millis(started, ready) + " ms, flowing after "
                        + millis(started, System.nanoTime()) + " ms");
            }
            traffic.stop();
            DeliveryAudit.Report report = scenario.audit().awaitDelivered("crash", traffic.produced(),
                    traffic.askedForAPerson(), Duration.ofMinutes(3));
            System.out.println("[fault:crash] restarts: " + String.join("; ", restarts));
            assertThat(traffic.failed()).as("visitor messages the broker refused").isZero();
            report(report);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // the broker

    @Test
    @Order(6)
    void aBrokerRestartMidRunLosesNothing() throws Exception {
        Scenario scenario = configure("broker");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> pids = pids();
        try (UpstreamTraffic traffic = new UpstreamTraffic(stack.kafkaBootstrapServers(), scenario.chatbotId(),
                "broker-" + run, 60)) {
            traffic.start(RATE);
            awaitDeliveredMore(scenario, traffic, 0, 10);
            long stopped = System.nanoTime();
            stack.kafka().kill();
            Map<String, Long> noticed = new ConcurrentSkipListMap<>();
            ExecutorService probes = Executors.newFixedThreadPool(LocalStack.MODULES.size());
            try {
                // down until every service has noticed: each one has reported not ready (a readiness
                // check that waits for the broker answers late, so the services are asked in parallel)
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).alias("every service reports the broker gone")
                        .until(() -> {
                            List<Callable<Void>> asks = new ArrayList<>();
                            for (ServiceProcess service : stack.services().values()) {
                                asks.add(() -> {
                                    if (!noticed.containsKey(service.name()) && !service.isReady()) {
                                        noticed.putIfAbsent(service.name(), millis(stopped, System.nanoTime()));
                                    }
                                    return null;
                                });
                            }
                            probes.invokeAll(asks);
                            return noticed.size() == stack.services().size();
                        });
            } finally {
                probes.shutdownNow();
                stack.kafka().startAgain();
            }
            long restarted = System.nanoTime();
            for (ServiceProcess service : stack.services().values()) {
                service.awaitReady(READY);
            }
            long ready = System.nanoTime();
            int deliveredBefore = delivered(scenario, traffic);
            awaitDeliveredMore(scenario, traffic, deliveredBefore, 10);
            traffic.stop();
            DeliveryAudit.Report report = scenario.audit().awaitDelivered("broker-restart", traffic.produced(),
                    traffic.askedForAPerson(), Duration.ofMinutes(3));
            System.out.println("[fault:broker-restart] broker down " + millis(stopped, restarted) + " ms (seen not ready after, in ms: "
                    + noticed + "), services ready " + millis(restarted, ready) + " ms after it came back");
            assertThat(traffic.failed()).as("visitor messages the broker refused").isZero();
            report(report);
        }
        assertUnchangedAndReady(pids);
    }

    /** Waits until {@code more} escalations beyond {@code before} have reached both channels. */
    private static void awaitDeliveredMore(Scenario scenario, UpstreamTraffic traffic, int before, int more) {
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).alias(more + " more escalations delivered")
                .until(() -> delivered(scenario, traffic) >= before + more);
    }

    private static int delivered(Scenario scenario, UpstreamTraffic traffic) {
        return scenario.audit().count(scenario.name(), traffic.produced(), traffic.askedForAPerson()).delivered();
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    // ---------------------------------------------------------------------------------------------
    // helpers shared by the scenarios

    /** A chatbot that escalates a request for a person at once, by email and webhook. */
    private record Scenario(String name, String chatbotId, String webhookPath, String recipient, DeliveryAudit audit) {
    }

    private static Scenario configure(String name) {
        String chatbot = "fault-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String webhookPath = "/hooks/" + chatbot;
        String recipient = "team-" + name + "@fault.test";
        HttpResponse<String> saved = stack.putSettings(chatbot, """
                {"name": "Fault %s", "offerFirst": false, "emailRequired": false,
                 "email": {"enabled": true, "recipients": "%s"},
                 "webhook": {"enabled": true, "url": "%s"}}
                """.formatted(name, recipient, stack.webhookReceiver().url(webhookPath)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        // the detector applies settings from the settings topic: wait until it escalates at once
        stack.awaitDetectorAction(chatbot, "escalate", WAIT);
        return new Scenario(name, chatbot, webhookPath, recipient, new DeliveryAudit(chatbot, escalations,
                stack.webhookReceiver(), webhookPath, stack.smtp(), recipient));
    }

    /** A visitor of {@code chatbotId} asks for a person in a new conversation; returns the conversation id. */
    private static String askForAPerson(String chatbotId, String conversation) throws Exception {
        VisitorRef visitor = new VisitorRef(ExternalId.of("v-" + conversation), null, "Jane", "Doe", null);
        kafka.send(Topics.CONVERSATION_EVENTS, conversation, EventJson.mapper().writeValueAsString(
                SampleEvents.visitorMessage(chatbotId, conversation, visitor, "Can I talk to a person?")));
        return conversation;
    }

    private static Map<String, Long> pids() {
        return stack.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().pid()));
    }

    /** The same processes as before are still running, and every one of them reports ready. */
    private static void assertUnchangedAndReady(Map<String, Long> before) {
        assertThat(pids()).as("no service was restarted").isEqualTo(before);
        for (ServiceProcess service : stack.services().values()) {
            assertThat(service.isAlive()).as(service.name() + " is running").isTrue();
            service.awaitReady(Duration.ofSeconds(30));
        }
    }

    private static void report(DeliveryAudit.Report report) {
        System.out.println(report.line());
        assertThat(report.problems()).as(report.line()).isEmpty();
        assertThat(report.lost()).as(report.line()).isZero();
        assertThat(report.duplicateEscalations()).as(report.line()).isZero();
    }
}
