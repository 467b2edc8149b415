package io.handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.handoff.events.ChatMessage;
import io.handoff.events.ChatbotRef;
import io.handoff.events.ConversationRef;
import io.handoff.events.ExternalId;
import io.handoff.events.MessageRole;
import io.handoff.events.Topics;
import io.handoff.events.VisitorRef;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.json.EventJson;
import io.handoff.testing.KafkaTestClient;
import io.handoff.testing.MailParts;
import io.handoff.testing.RecordingHttpServer;
import jakarta.mail.internet.MimeMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small web page for the local stack: send a visitor message as the upstream chat service would,
 * chat as a visitor in the {@link VisitorSimulator}, and look at what the team received (emails,
 * webhooks, Slack posts).
 */
final class DevConsole implements AutoCloseable {

    static final String DEMO_CHATBOT = "demo-bot";

    private final HttpServer server;
    private final LocalStack stack;
    private final KafkaTestClient kafka;
    private final String webhookSecret;
    private final VisitorSimulator simulator;

    private DevConsole(HttpServer server, LocalStack stack, String webhookSecret) {
        this.server = server;
        this.stack = stack;
        this.webhookSecret = webhookSecret;
        this.kafka = new KafkaTestClient(stack.kafkaBootstrapServers());
        this.simulator = new VisitorSimulator(stack.kafkaBootstrapServers(), kafka,
                new ChatbotRef(ExternalId.of(DEMO_CHATBOT), "Demo Chatbot"), stack.gatewayUrl("/console/"));
    }

    static DevConsole start(LocalStack stack, int port, String webhookSecret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            DevConsole console = new DevConsole(server, stack, webhookSecret);
            server.createContext("/", console::handle);
            console.simulator.register(server);
            server.start();
            return console;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the dev console on port " + port, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (method.equals("POST") && path.equals("/api/visitor-messages")) {
                    JsonNode request = EventJson.mapper().readTree(exchange.getRequestBody());
                    respond(exchange, 202, "application/json", EventJson.mapper().writeValueAsString(send(request)));
                } else if (method.equals("POST") && path.equals("/send")) {
                    ObjectNode request = formToJson(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    send(request);
                    exchange.getResponseHeaders().set("Location", "/");
                    respond(exchange, 303, "text/plain", "");
                } else if (method.equals("GET") && path.equals("/")) {
                    respond(exchange, 200, "text/html; charset=utf-8", indexPage());
                } else if (method.equals("GET") && path.equals("/mail")) {
                    respond(exchange, 200, "text/html; charset=utf-8", mailPage());
                } else if (method.equals("GET") && path.startsWith("/mail/")) {
                    respond(exchange, 200, "text/html; charset=utf-8", mailBody(Integer.parseInt(path.substring(6))));
                } else if (method.equals("GET") && path.equals("/webhooks")) {
                    respond(exchange, 200, "text/html; charset=utf-8", webhookPage());
                } else if (method.equals("GET") && path.equals("/slack")) {
                    respond(exchange, 200, "text/html; charset=utf-8", slackPage());
                } else {
                    respond(exchange, 404, "application/problem+json",
                            "{\"title\":\"Not found\",\"status\":404,\"detail\":\"no page at " + escapeJson(path) + "\"}");
                }
            } catch (IllegalArgumentException | IOException e) {
                respond(exchange, 400, "application/problem+json",
                        "{\"title\":\"Bad request\",\"status\":400,\"detail\":\"" + escapeJson(e.getMessage()) + "\"}");
            } catch (Exception e) {
                respond(exchange, 500, "application/problem+json",
                        "{\"title\":\"Failed\",\"status\":500,\"detail\":\"" + escapeJson(e.getClass().getSimpleName()) + "\"}");
            }
        }
    }

    /** Produces a {@code message.created} exactly as the upstream chat service would. */
    private ObjectNode send(JsonNode request) {
        String text = request.path("text").asText("");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        String chatbot = request.path("chatbotId").asText(DEMO_CHATBOT);
        String conversation = request.path("conversationId").asText(
                Long.toString(ThreadLocalRandom.current().nextLong(1000, 1_000_000)));
        String email = request.path("email").asText(null);
        VisitorRef visitor = new VisitorRef(ExternalId.of(request.path("visitorId").asText("visitor-" + conversation)),
                email == null || email.isBlank() ? null : email,
                request.path("firstName").asText("Jane"), request.path("lastName").asText("Doe"), null);
        MessageCreated event = new MessageCreated(null, UUID.randomUUID().toString(), Instant.now(),
                new ChatbotRef(ExternalId.of(chatbot), request.path("chatbotName").asText("Demo Chatbot")),
                new ConversationRef(ExternalId.of(conversation), "web", request.path("locale").asText("en")),
                visitor, new ChatMessage("m-" + UUID.randomUUID(), MessageRole.VISITOR, text), null);
        try {
            kafka.send(Topics.CONVERSATION_EVENTS, conversation, EventJson.mapper().writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode answer = EventJson.mapper().createObjectNode();
        answer.put("conversationId", conversation);
        answer.put("eventId", event.eventId());
        answer.put("topic", Topics.CONVERSATION_EVENTS);
        return answer;
    }

    private static ObjectNode formToJson(String form) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                node.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return node;
    }

    private String indexPage() {
        return page("Handoff local stack", """
                <p>Send a visitor message to chatbot <code>%s</code>, as the upstream chat service would.
                With an email the visitor is escalated at once; without one, the detector first asks for it
                (a <code>contact.requested</code> directive on <code>handoff.directives</code>).</p>
                <form method="post" action="/send">
                  <p><input name="text" size="50" value="Can I talk to a person?"></p>
                  <p><input name="email" size="30" value="jane@example.com"> visitor email (optional)</p>
                  <p><button type="submit">Send</button></p>
                </form>
                <ul>
                  <li><a href="/simulator/">Visitor simulator</a>: chat as a visitor of <code>%s</code>, with the AI and live chat</li>
                  <li><a href="%s">Agent console</a>: answer visitors live (sign in with the agent token ./run-local printed)</li>
                  <li><a href="/mail">Emails received by the SMTP sink</a> (%d)</li>
                  <li><a href="/webhooks">Webhooks received</a> (%d)</li>
                  <li><a href="/slack">Slack API calls received</a> (%d)</li>
                  <li>Agent WebSocket: <code>ws://localhost:%d/ws/agent</code></li>
                </ul>
                """.formatted(DEMO_CHATBOT, DEMO_CHATBOT, html(stack.gatewayUrl("/console/")), stack.smtp().receivedMessages().size(),
                stack.webhookReceiver().requests().size(), stack.slackApi().recorder().requests().size(),
                stack.ports().gateway()));
    }

    private String mailPage() throws Exception {
        StringBuilder rows = new StringBuilder("<table><tr><th>#</th><th>To</th><th>Subject</th><th>Reply-To</th></tr>");
        List<MimeMessage> messages = stack.smtp().receivedMessages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage m = messages.get(i);
            rows.append("<tr><td>").append(i).append("</td><td>").append(html(String.valueOf(m.getAllRecipients()[0])))
                    .append("</td><td><a href=\"/mail/").append(i).append("\">").append(html(m.getSubject()))
                    .append("</a></td><td>").append(m.getReplyTo() == null ? "" : html(m.getReplyTo()[0].toString()))
                    .append("</td></tr>");
        }
        return page("Emails", rows.append("</table>").toString());
    }

    private String mailBody(int index) throws Exception {
        MimeMessage message = stack.smtp().receivedMessages().get(index);
        String htmlPart = MailParts.text(message, "text/html");
        return htmlPart.isEmpty() ? page(message.getSubject(), "<pre>" + html(MailParts.text(message, "text/plain")) + "</pre>") : htmlPart;
    }

    private String webhookPage() {
        StringBuilder rows = new StringBuilder();
        List<RecordingHttpServer.Request> requests = stack.webhookReceiver().requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            RecordingHttpServer.Request r = requests.get(i);
            String signature = r.header("X-Signature-256");
            boolean valid = signature != null && signature.equals(sign(r.body()));
            rows.append("<h3>").append(html(r.method() + " " + r.path())).append(" &mdash; signature ")
                    .append(signature == null ? "absent" : valid ? "valid" : "INVALID").append("</h3><p>delivery ")
                    .append(html(String.valueOf(r.header("X-Handoff-Delivery")))).append("</p><pre>")
                    .append(html(pretty(r.bodyText()))).append("</pre>");
        }
        return page("Webhooks received at " + stack.webhookReceiver().url("/webhook"), rows.toString());
    }

    private String slackPage() {
        StringBuilder rows = new StringBuilder();
        for (RecordingHttpServer.Request r : stack.slackApi().recorder().requests()) {
            rows.append("<h3>").append(html(r.path())).append("</h3><pre>")
                    .append(html(URLDecoder.decode(r.bodyText(), StandardCharsets.UTF_8).replace("&", "\n"))).append("</pre>");
        }
        return page("Slack API calls", rows.toString());
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }


    private static String pretty(String json) {
        try {
            return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(EventJson.mapper().readTree(json));
        } catch (IOException e) {
            return json;
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}td,th{padding:4px 8px;text-align:left}"
                + "pre{background:#f4f5f7;padding:1em;overflow:auto}</style></head><body><p><a href=\"/\">Handoff local stack</a></p><h1>"
                + html(title) + "</h1>" + body + "</body></html>";
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String escapeJson(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        simulator.close();
        kafka.close();
    }
}
