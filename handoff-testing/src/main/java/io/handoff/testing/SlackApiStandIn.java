package io.handoff.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local HTTP server that answers the Slack Web API methods Handoff calls the way Slack does
 * ({@code {"ok":true,...}}) and records every call. Point slack-api-client at {@link #apiUrl()}.
 *
 * <p>It accepts any bearer token, except those listed with {@link #revoke(String)}, which get
 * {@code token_revoked}. {@code oauth.v2.access} accepts codes that start with {@code code-} and
 * installs the workspace {@link #TEAM_ID} with the channel {@link #INSTALL_CHANNEL_ID}. Tests script
 * failures with {@link #answerOnce(String, Predicate, RecordingHttpServer.Response)}.
 */
public final class SlackApiStandIn implements AutoCloseable {

    public static final String TEAM_ID = "T0LOCAL";
    public static final String TEAM_NAME = "Local Workspace";
    public static final String BOT_USER_ID = "U0BOT";
    public static final String INSTALL_CHANNEL_ID = "C0INSTALL";
    public static final String INSTALL_CHANNEL_NAME = "#escalations";
    /** The bot token {@code oauth.v2.access} hands out. */
    public static final String INSTALLED_BOT_TOKEN = "xoxb-installed-by-oauth";

    private record Scripted(String method, Predicate<Map<String, String>> when, RecordingHttpServer.Response response) {
    }

    private final RecordingHttpServer server;
    private final AtomicLong ts = new AtomicLong(1_700_000_000L);
    private final List<Scripted> scripted = new CopyOnWriteArrayList<>();
    private final List<String> revoked = new CopyOnWriteArrayList<>();

    private SlackApiStandIn(RecordingHttpServer server) {
        this.server = server;
        server.respondWith(this::answer);
    }

    public static SlackApiStandIn start(int port) {
        return new SlackApiStandIn(RecordingHttpServer.start(port));
    }

    /** The methods endpoint prefix, e.g. {@code http://127.0.0.1:4567/api/}. */
    public String apiUrl() {
        return server.url("/api/");
    }

    public int port() {
        return server.port();
    }

    /**
     * The next call of {@code method} whose form parameters match {@code when} gets {@code response}
     * instead of the usual answer; scripted answers are used once each, in the order given.
     */
    public void answerOnce(String method, Predicate<Map<String, String>> when, RecordingHttpServer.Response response) {
        scripted.add(new Scripted(method, when, response));
    }

    /** Calls with this bot token are answered with {@code token_revoked}. */
    public void revoke(String token) {
        revoked.add(token);
    }

    public RecordingHttpServer.Request awaitCall(String method, Duration timeout) {
        return server.awaitRequest(r -> r.path().equals("/api/" + method), timeout);
    }

    /** The form parameters of a recorded call, decoded. */
    public static Map<String, String> form(RecordingHttpServer.Request request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.bodyText().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    public RecordingHttpServer recorder() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    private RecordingHttpServer.Response answer(RecordingHttpServer.Request request) {
        String method = request.path().startsWith("/api/") ? request.path().substring(5) : request.path();
        Map<String, String> form = form(request);
        for (Scripted s : scripted) {
            if (s.method().equals(method) && s.when().test(form) && scripted.remove(s)) {
                return s.response();
            }
        }
        String auth = request.header("Authorization");
        if (auth != null && revoked.contains(auth.replaceFirst("^Bearer ", ""))) {
            return error("token_revoked");
        }
        switch (method) {
            case "chat.postMessage":
            case "chat.update": {
                String channel = form.getOrDefault("channel", "");
                String id = channel.startsWith("C") || channel.startsWith("G") ? channel : "C0HANDOFF";
                String messageTs = method.equals("chat.update") ? form.get("ts") : ts.incrementAndGet() + ".000100";
                return ok("\"channel\":\"" + id + "\",\"ts\":\"" + messageTs + "\"");
            }
            case "auth.test":
                return ok("\"team\":\"" + TEAM_NAME + "\",\"team_id\":\"" + TEAM_ID + "\",\"user_id\":\"" + BOT_USER_ID
                        + "\",\"bot_id\":\"B0BOT\"");
            case "conversations.info": {
                String channel = form.getOrDefault("channel", "");
                if (!channel.startsWith("C") && !channel.startsWith("G")) {
                    return error("channel_not_found");
                }
                return ok("\"channel\":{\"id\":\"" + channel + "\",\"name\":\"support-" + channel.toLowerCase() + "\"}");
            }
            case "users.info": {
                String user = form.getOrDefault("user", "U0");
                return ok("\"user\":{\"id\":\"" + user + "\",\"name\":\"sam\",\"real_name\":\"Sam Agent\","
                        + "\"profile\":{\"display_name\":\"Sam\",\"real_name\":\"Sam Agent\"}}");
            }
            case "oauth.v2.access": {
                if (!form.getOrDefault("code", "").startsWith("code-")) {
                    return error("invalid_code");
                }
                return ok("\"access_token\":\"" + INSTALLED_BOT_TOKEN + "\",\"token_type\":\"bot\","
                        + "\"scope\":\"chat:write,channels:history\",\"bot_user_id\":\"" + BOT_USER_ID + "\","
                        + "\"app_id\":\"A0APP\",\"team\":{\"id\":\"" + TEAM_ID + "\",\"name\":\"" + TEAM_NAME + "\"},"
                        + "\"incoming_webhook\":{\"channel\":\"" + INSTALL_CHANNEL_NAME + "\",\"channel_id\":\""
                        + INSTALL_CHANNEL_ID + "\",\"url\":\"https://hooks.slack.invalid/x\"}");
            }
            default:
                return error("unknown_method");
        }
    }

    private static RecordingHttpServer.Response ok(String fields) {
        return RecordingHttpServer.Response.json("{\"ok\":true," + fields + "}");
    }

    /** A Slack error as Slack sends it: HTTP 200 with {@code ok:false}. */
    public static RecordingHttpServer.Response error(String code) {
        return RecordingHttpServer.Response.json("{\"ok\":false,\"error\":\"" + code + "\"}");
    }

    /** HTTP 429 with {@code Retry-After}, the way Slack rate-limits a method. */
    public static RecordingHttpServer.Response rateLimited(int retryAfterSeconds) {
        return new RecordingHttpServer.Response(429, "application/json; charset=utf-8",
                "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
}
