package io.handoff.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that answers the Slack Web API methods the notifier calls, the way Slack does
 * ({@code {"ok":true,...}}), and records every call. Point slack-api-client at {@link #apiUrl()}.
 */
public final class SlackApiStandIn implements AutoCloseable {

    private final RecordingHttpServer server;
    private final AtomicLong ts = new AtomicLong(1_700_000_000L);

    private SlackApiStandIn(RecordingHttpServer server) {
        this.server = server;
        server.respondWith(request -> {
            if (request.path().endsWith("/chat.postMessage") || request.path().endsWith("/chat.update")) {
                return RecordingHttpServer.Response.json(
                        "{\"ok\":true,\"channel\":\"C0HANDOFF\",\"ts\":\"" + ts.incrementAndGet() + ".000100\"}");
            }
            if (request.path().endsWith("/auth.test")) {
                return RecordingHttpServer.Response.json(
                        "{\"ok\":true,\"team\":\"Local\",\"team_id\":\"T0LOCAL\",\"user_id\":\"U0BOT\"}");
            }
            return RecordingHttpServer.Response.json("{\"ok\":false,\"error\":\"unknown_method\"}");
        });
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

    public RecordingHttpServer.Request awaitCall(String method, Duration timeout) {
        return server.awaitRequest(r -> r.path().equals("/api/" + method), timeout);
    }

    public RecordingHttpServer recorder() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
