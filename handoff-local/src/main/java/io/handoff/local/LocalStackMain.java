package io.handoff.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: the whole system on this machine, with a demo chatbot configured, until Ctrl-C.
 */
public final class LocalStackMain {

    static final String DEMO_WEBHOOK_SECRET = "local-demo-secret";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("handoff.root", ".")).toAbsolutePath().normalize();
        Path workDir = root.resolve(System.getProperty("handoff.local.work-dir", ".local-stack"));
        Files.createDirectories(workDir);
        StackPorts ports = Boolean.getBoolean("handoff.local.random-ports") ? StackPorts.random() : StackPorts.defaults();
        ports.requireFree();

        System.out.println("Starting Kafka, PostgreSQL, the SMTP sink and six services (logs in " + workDir.resolve("logs") + ") ...");
        LocalStack stack = LocalStack.start(root, workDir, ports, Duration.ofMinutes(4));
        DevConsole console;
        try {
            configureDemoChatbot(stack);
            console = DevConsole.start(stack, ports.console(), DEMO_WEBHOOK_SECRET);
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Handoff ...");
            console.close();
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "handoff-local-stop"));
        System.out.println(summary(stack));
        stopped.await();
    }

    /** Settings for the demo chatbot: Slack connected to the stand-in, every channel on, pointed at the local sinks. */
    private static void configureDemoChatbot(LocalStack stack) {
        stack.connectSlack(DevConsole.DEMO_CHATBOT, "C0SUPPORT");
        String settings = """
                {"name": "Demo Chatbot", "offerFirst": false,
                 "email": {"enabled": true, "recipients": "team@example.com"},
                 "slack": {"enabled": true},
                 "webhook": {"enabled": true, "url": "%s", "signingSecret": "%s"},
                 "responseSlaMinutes": 15}
                """.formatted(stack.webhookReceiver().url("/webhook"), DEMO_WEBHOOK_SECRET);
        HttpResponse<String> response = stack.putSettings(DevConsole.DEMO_CHATBOT, settings);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("could not configure the demo chatbot: " + response.body());
        }
    }

    private static String summary(LocalStack stack) {
        StackPorts p = stack.ports();
        StringBuilder s = new StringBuilder("\nHandoff is running.\n\n");
        stack.services().values().stream()
                .sorted((a, b) -> Integer.compare(a.port(), b.port()))
                .forEach(service -> s.append(String.format("  %-18s http://localhost:%d   (health: /q/health, metrics: /q/metrics)%n",
                        service.name(), service.port())));
        s.append(String.format("%n  Settings API       http://localhost:%d/api/v1/chatbots/{chatbotId}/settings  (OpenAPI: http://localhost:%d/q/openapi)%n", p.router(), p.router()));
        s.append(String.format("  Slack connections  http://localhost:%d/api/v1/chatbots/{chatbotId}/slack  (Events API: /slack/events, signing secret %s)%n",
                p.slack(), LocalStack.SLACK_SIGNING_SECRET));
        s.append(String.format("  Agent console      http://localhost:%d/console/  (WebSocket: ws://localhost:%d/ws/agent)%n", p.gateway(), p.gateway()));
        s.append(String.format("  Visitor simulator  http://localhost:%d/simulator/  (chat as a visitor of %s)%n", p.console(), DevConsole.DEMO_CHATBOT));
        s.append(String.format("  Kafka              %s%n", stack.kafkaBootstrapServers()));
        s.append(String.format("  PostgreSQL         jdbc:postgresql://localhost:%d/router, /gateway, /webhook and /slack (user postgres, password postgres)%n", p.postgres()));
        s.append(String.format("  SMTP sink          localhost:%d        received mail: http://localhost:%d/mail%n", p.smtp(), p.console()));
        s.append(String.format("  Webhook receiver   http://localhost:%d/webhook (secret %s)  received: http://localhost:%d/webhooks%n", p.webhookReceiver(), DEMO_WEBHOOK_SECRET, p.console()));
        s.append(String.format("  Slack API stand-in http://localhost:%d/api/  received: http://localhost:%d/slack%n", p.slackApi(), p.console()));
        s.append(String.format("  Dev console        http://localhost:%d/%n", p.console()));
        s.append(String.format("%nThe chatbot '%s' is configured with email, Slack and a signed webhook. Send a test conversation:%n%n", DevConsole.DEMO_CHATBOT));
        s.append(String.format("  curl -X POST http://localhost:%d/api/visitor-messages -H 'Content-Type: application/json' \\%n", p.console()));
        s.append("       -d '{\"text\": \"Can I talk to a person?\", \"email\": \"jane@example.com\"}'\n\n");
        s.append(String.format("then open http://localhost:%d/ to see the email, the webhook and the Slack post.%n", p.console()));
        s.append(String.format("%nOr chat as a visitor at http://localhost:%d/simulator/ and answer in the agent console at%n", p.console()));
        s.append(String.format("http://localhost:%d/console/ (docs/console.md). Sign in there with this agent token (valid 12 hours):%n%n", p.gateway()));
        s.append("  ").append(stack.agentToken("agent@localhost", "Local agent", List.of(DevConsole.DEMO_CHATBOT),
                Duration.ofHours(12))).append("\n");
        s.append(String.format("%nThe APIs need a bearer token; its groups say the role (docs/settings-api.md#authentication)."
                + " An administrator of %s (settings, Slack, the rule tester; valid 30 days):%n%n", DevConsole.DEMO_CHATBOT));
        s.append("  export HANDOFF_TOKEN=").append(stack.chatbotAdminToken("owner@localhost", List.of(DevConsole.DEMO_CHATBOT),
                Duration.ofDays(30))).append("\n\n");
        s.append(String.format("  curl -H \"Authorization: Bearer $HANDOFF_TOKEN\" http://localhost:%d/api/v1/chatbots/%s/settings%n",
                p.router(), DevConsole.DEMO_CHATBOT));
        s.append(String.format("  curl -H \"Authorization: Bearer $HANDOFF_TOKEN\" http://localhost:%d/api/v1/chatbots/%s/escalations%n",
                p.router(), DevConsole.DEMO_CHATBOT));
        s.append(String.format("  curl -H \"Authorization: Bearer $HANDOFF_TOKEN\" http://localhost:%d/api/v1/chatbots/%s/slack%n%n",
                p.slack(), DevConsole.DEMO_CHATBOT));
        s.append("The global administrator's token (every chatbot, and the failed-webhook operator API; valid 30 days):\n\n");
        s.append("  export HANDOFF_ADMIN_TOKEN=").append(stack.adminToken(Duration.ofDays(30))).append("\n\n");
        s.append(String.format("  curl -H \"Authorization: Bearer $HANDOFF_ADMIN_TOKEN\" http://localhost:%d/api/v1/webhook-deliveries/failed%n%n",
                p.webhook()));
        s.append("Press Ctrl-C to stop everything.\n");
        return s.toString();
    }
}
