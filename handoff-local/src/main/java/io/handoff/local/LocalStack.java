package io.handoff.local;

import io.handoff.testing.KafkaBroker;
import io.handoff.testing.PostgresServer;
import io.handoff.testing.RecordingHttpServer;
import io.handoff.testing.SlackApiStandIn;
import io.handoff.testing.SmtpServer;
import io.handoff.testing.TokenIssuer;

import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a real Kafka broker, PostgreSQL and an SMTP sink, stand-ins for
 * the outside world (Slack's API and a webhook receiver), and the six packaged services as separate
 * processes. Used by the run command and by the end-to-end test alike.
 */
public final class LocalStack implements AutoCloseable {

    /** The bot token the local Slack stand-in accepts; not a real Slack token. */
    public static final String SLACK_TOKEN = "xoxb-local-stand-in";
    /** What the local notifier-slack checks Events API requests with; not a real Slack app's secret. */
    public static final String SLACK_SIGNING_SECRET = "local-slack-signing-secret";

    /** The six services, in the order they are started. */
    public static final List<String> MODULES = List.of("trigger-detector", "escalation-router", "notifier-email",
            "notifier-slack", "notifier-webhook", "livechat-gateway");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Small heaps and a quick start for a laptop; {@value #JVM_OPTIONS_PROPERTY} replaces them. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    /**
     * The services' JVM flags, separated by spaces, in place of the stack's own (the pipeline benchmark sets
     * them); {@code handoff.local.jvm-options.<module>} adds flags for one service.
     */
    public static final String JVM_OPTIONS_PROPERTY = "handoff.local.jvm-options";
    /**
     * The bootstrap servers of a broker that is already running (the pipeline benchmark runs one in a JVM
     * of its own, as in production); the stack then creates its topics there instead of starting a broker
     * in this JVM, and {@link #kafka()} has no broker to give.
     */
    public static final String KAFKA_PROPERTY = "handoff.local.kafka.bootstrap-servers";

    private final StackPorts ports;
    private final Map<String, Map<String, String>> serviceConfig;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private String kafkaBootstrapServers;
    private PostgresServer postgres;
    private SmtpServer smtp;
    private SlackApiStandIn slackApi;
    private RecordingHttpServer webhookReceiver;
    private final TokenIssuer tokens = TokenIssuer.generate();

    private LocalStack(StackPorts ports, Map<String, Map<String, String>> serviceConfig) {
        this.ports = ports;
        this.serviceConfig = serviceConfig;
    }

    /**
     * Starts everything and returns once every service reports ready. On failure everything already
     * started is stopped again before the exception leaves.
     */
    public static LocalStack start(Path root, Path workDir, StackPorts ports, Duration readyTimeout) {
        return start(root, workDir, ports, readyTimeout, Map.of());
    }

    /**
     * Like {@link #start(Path, Path, StackPorts, Duration)}, with more configuration for some services:
     * module name to properties, set after (and so over) the stack's own. Tests use it for shorter
     * retry schedules and session timeouts than a production deployment would choose.
     */
    public static LocalStack start(Path root, Path workDir, StackPorts ports, Duration readyTimeout,
                                   Map<String, Map<String, String>> serviceConfig) {
        for (String module : serviceConfig.keySet()) {
            if (!MODULES.contains(module)) {
                throw new IllegalArgumentException("no service " + module + "; the services are " + MODULES);
            }
        }
        LocalStack stack = new LocalStack(ports, Map.copyOf(serviceConfig));
        try {
            stack.startInfrastructure();
            stack.startServices(root, workDir, readyTimeout);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        String external = System.getProperty(KAFKA_PROPERTY);
        if (external != null && !external.isBlank()) {
            kafkaBootstrapServers = external;
        } else {
            kafka = track(KafkaBroker.start(3));
            kafkaBootstrapServers = kafka.bootstrapServers();
        }
        KafkaBroker.createHandoffTopics(kafkaBootstrapServers, 3);
        postgres = track(PostgresServer.start(ports.postgres()));
        postgres.createDatabase("router");
        postgres.createDatabase("gateway");
        postgres.createDatabase("webhook");
        postgres.createDatabase("slack");
        smtp = track(SmtpServer.start(ports.smtp()));
        slackApi = track(SlackApiStandIn.start(ports.slackApi()));
        webhookReceiver = track(RecordingHttpServer.start(ports.webhookReceiver()));
    }

    private void startServices(Path root, Path workDir, Duration readyTimeout) {
        Path logs = workDir.resolve("logs");
        Map<String, String> kafkaConfig = Map.of("kafka.bootstrap.servers", kafkaBootstrapServers);

        Map<String, String> detector = new LinkedHashMap<>(kafkaConfig);
        detector.put("handoff.detector.state-dir", workDir.resolve("detector-state").toString());
        detector.putAll(trustedTokens());
        launch(root, "trigger-detector", ports.detector(), detector, logs);

        Map<String, String> router = new LinkedHashMap<>(kafkaConfig);
        router.putAll(database("router"));
        router.put("handoff.router.inbox-url", gatewayUrl("/console/?chatbot={chatbotId}&conversation={conversationId}"));
        // the local webhook receiver listens on loopback, which production refuses
        router.put("handoff.router.webhook.allowed-networks", "127.0.0.0/8");
        router.putAll(trustedTokens());
        // the agent console reads the statistics from the gateway's origin, by either name of this host
        router.put("quarkus.http.cors.origins", gatewayUrl("") + ",http://127.0.0.1:" + ports.gateway());
        launch(root, "escalation-router", ports.router(), router, logs);

        Map<String, String> email = new LinkedHashMap<>(kafkaConfig);
        email.put("quarkus.mailer.host", "127.0.0.1");
        email.put("quarkus.mailer.port", Integer.toString(smtp.port()));
        email.put("quarkus.mailer.from", "Handoff <handoff@localhost>");
        launch(root, "notifier-email", ports.email(), email, logs);

        Map<String, String> slack = new LinkedHashMap<>(kafkaConfig);
        slack.putAll(database("slack"));
        slack.put("handoff.slack.api-url", slackApi.apiUrl());
        slack.put("handoff.slack.public-url", "http://localhost:" + ports.slack());
        slack.put("handoff.slack.signing-secret", SLACK_SIGNING_SECRET);
        slack.putAll(trustedTokens());
        launch(root, "notifier-slack", ports.slack(), slack, logs);

        Map<String, String> webhook = new LinkedHashMap<>(kafkaConfig);
        webhook.putAll(database("webhook"));
        // the local receivers listen on loopback, which production refuses as an SSRF target
        webhook.put("handoff.webhook.allowed-networks", "127.0.0.0/8");
        webhook.putAll(trustedTokens());
        launch(root, "notifier-webhook", ports.webhook(), webhook, logs);

        Map<String, String> gateway = new LinkedHashMap<>(kafkaConfig);
        gateway.putAll(database("gateway"));
        gateway.putAll(trustedTokens());
        // where agents' browsers reach the router's API, for the console's statistics
        gateway.put("handoff.gateway.console.stats-api-url", "http://localhost:" + ports.router());
        launch(root, "livechat-gateway", ports.gateway(), gateway, logs);

        for (ServiceProcess service : services.values()) {
            service.awaitReady(readyTimeout);
        }
    }

    /** The stack plays the identity provider: its key pair is made at start and every API trusts it. */
    private Map<String, String> trustedTokens() {
        return Map.of("mp.jwt.verify.publickey", tokens.publicKeyPem(), "mp.jwt.verify.issuer", TokenIssuer.ISSUER);
    }

    private Map<String, String> database(String name) {
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(name),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    /** The JVM options of every service, then those of {@code <property>.<module>} if set (later ones win). */
    private static List<String> jvmOptions(String module) {
        String options = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
        List<String> all = new ArrayList<>(options.isEmpty() ? JVM_OPTIONS : List.of(options.split("\\s+")));
        String own = System.getProperty(JVM_OPTIONS_PROPERTY + "." + module, "").trim();
        if (!own.isEmpty()) {
            all.addAll(List.of(own.split("\\s+")));
        }
        return all;
    }

    private void launch(Path root, String module, int port, Map<String, String> config, Path logs) {
        Map<String, String> all = new LinkedHashMap<>(config);
        all.putAll(serviceConfig.getOrDefault(module, Map.of()));
        ServiceProcess process = ServiceProcess.start(root, module, port, all, jvmOptions(module), logs);
        services.put(module, process);
    }

    /**
     * Starts a service again on the same port with the same configuration, and returns once it reports
     * ready. A process that is still running is stopped gracefully first; one that was
     * {@link ServiceProcess#kill() killed} is simply replaced, as an orchestrator replaces a crashed
     * container.
     */
    public synchronized ServiceProcess restart(String module, Duration readyTimeout) {
        ServiceProcess current = service(module);
        current.close();
        ServiceProcess next = current.startAgain();
        services.put(module, next);
        next.awaitReady(readyTimeout);
        return next;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** The stack's broker, for tests that stop and start it; none when the stack uses a broker of {@link #KAFKA_PROPERTY}. */
    public KafkaBroker kafka() {
        if (kafka == null) {
            throw new IllegalStateException("the stack uses the broker at " + kafkaBootstrapServers + ", not one of its own");
        }
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public SmtpServer smtp() {
        return smtp;
    }

    public SlackApiStandIn slackApi() {
        return slackApi;
    }

    public RecordingHttpServer webhookReceiver() {
        return webhookReceiver;
    }

    public synchronized ServiceProcess service(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalArgumentException("no service " + module);
        }
        return service;
    }

    public synchronized Map<String, ServiceProcess> services() {
        return Map.copyOf(services);
    }

    public StackPorts ports() {
        return ports;
    }

    /** The global administrator's token, valid for {@code validity}, signed with the stack's key. */
    public String adminToken(Duration validity) {
        return tokens.admin("admin@localhost", validity);
    }

    /** The token of an administrator of {@code chatbots} (settings, Slack, rule tester), signed with the stack's key. */
    public String chatbotAdminToken(String subject, List<String> chatbots, Duration validity) {
        return tokens.chatbotAdmin(subject, chatbots, validity);
    }

    /** A support agent's token for the console, serving {@code chatbots}, signed with the stack's key. */
    public String agentToken(String agentId, String name, List<String> chatbots, Duration validity) {
        return tokens.agent(agentId, name, chatbots, validity);
    }

    public String routerUrl(String path) {
        return "http://127.0.0.1:" + ports.router() + path;
    }

    public String slackUrl(String path) {
        return "http://127.0.0.1:" + ports.slack() + path;
    }

    /**
     * Connects a chatbot to the local Slack stand-in the way an operator connects a workspace with a
     * bot token, then waits until the router has heard of it, so Slack can be enabled in its settings.
     */
    public void connectSlack(String chatbotId, String channelId) {
        HttpResponse<String> connected = call("PUT", slackUrl("/api/v1/chatbots/" + chatbotId + "/slack"),
                "{\"botToken\": \"" + SLACK_TOKEN + "\", \"channelId\": \"" + channelId + "\"}");
        if (connected.statusCode() != 200) {
            throw new IllegalStateException("could not connect Slack for " + chatbotId + ": " + connected.body());
        }
    }

    /**
     * Saves a chatbot's settings. Right after {@link #connectSlack} the router may not have read the
     * connection yet, so a refusal for that reason is tried again for a while.
     */
    public HttpResponse<String> putSettings(String chatbotId, String settings) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> saved = call("PUT", routerUrl("/api/v1/chatbots/" + chatbotId + "/settings"), settings);
            if (saved.statusCode() != 400 || !saved.body().contains("connect a Slack workspace")
                    || System.nanoTime() > deadline) {
                return saved;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return saved;
            }
        }
    }

    /**
     * Waits until the detector applies {@code chatbotId}'s settings, which it learns from the settings
     * topic: its rule tester, asked as the global administrator, answers "Can I talk to a person?" with
     * {@code action}. Throws when it has not within {@code timeout}.
     */
    public void awaitDetectorAction(String chatbotId, String action, Duration timeout) {
        String probe = "{\"chatbotId\": \"" + chatbotId
                + "\", \"messages\": [{\"role\": \"visitor\", \"text\": \"Can I talk to a person?\"}]}";
        String url = service("trigger-detector").url("/api/v1/triggers/evaluate");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (!last.contains("\"action\":\"" + action + "\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the detector did not answer " + action + " for " + chatbotId
                        + " within " + timeout + "; last answer: " + last);
            }
            try {
                Thread.sleep(last.isEmpty() ? 0 : 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the detector", e);
            }
            last = call("POST", url, probe).body();
        }
    }

    private HttpResponse<String> call(String method, String url, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + adminToken(Duration.ofMinutes(5)))
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + url + " was interrupted", e);
        }
    }

    public String gatewayUrl(String path) {
        return "http://localhost:" + ports.gateway() + path;
    }

    /** Stops the services first (they still have a broker to say goodbye to), then the servers. */
    @Override
    public void close() {
        List<ServiceProcess> running;
        synchronized (this) {
            running = new ArrayList<>(services.values());
        }
        running.parallelStream().forEach(ServiceProcess::close);
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + started.get(i).getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
