package io.handoff.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * An agent on the live-chat gateway's WebSocket ({@code docs/websocket.md}) as a browser would be one:
 * the JDK's WebSocket client, recording every frame it gets.
 */
public final class AgentClient implements AutoCloseable {

    /** The gateway's WebSocket path. */
    public static final String PATH = "/ws/agent";
    /** The sub-protocol offered next to {@code bearer.<token>}. */
    public static final String SUB_PROTOCOL = "handoff.agent.v2";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile int closeCode = -1;
    private volatile String closeReason;
    private final WebSocket socket;

    private AgentClient(URI uri, String... subProtocols) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subProtocols.length > 0) {
            builder.subprotocols(subProtocols[0], java.util.Arrays.copyOfRange(subProtocols, 1, subProtocols.length));
        }
        this.socket = builder
                .buildAsync(uri, new Recorder())
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    public static AgentClient connect(URI uri) {
        return new AgentClient(uri);
    }

    /** Connects as an agent, with the token in the query string as the console does. */
    public static AgentClient connect(URL base, String token) {
        return connect(base, token, null);
    }

    /** Connects as an agent that saw every event up to {@code after} (null: a first connection). */
    public static AgentClient connect(URL base, String token, Long after) {
        String uri = "ws://localhost:" + base.getPort() + PATH + "?access_token=" + token
                + (after == null ? "" : "&after=" + after);
        AgentClient client = new AgentClient(URI.create(uri));
        client.awaitFrames(2);
        return client;
    }

    /** Connects offering the token as a WebSocket sub-protocol, as browsers can. */
    public static AgentClient connectWithSubProtocol(URL base, String token) {
        return new AgentClient(URI.create("ws://localhost:" + base.getPort() + PATH),
                SUB_PROTOCOL, "bearer." + token);
    }

    /** The sub-protocol the gateway chose in the handshake. */
    public String subProtocol() {
        return socket.getSubprotocol();
    }

    /** Sends a command with a fresh {@code ref} and returns the gateway's answer to it. */
    public JsonNode command(String type, String conversationId, String... fields) {
        com.fasterxml.jackson.databind.node.ObjectNode frame = EventJson.mapper().createObjectNode()
                .put("type", type).put("conversationId", conversationId);
        String ref = java.util.UUID.randomUUID().toString();
        frame.put("ref", ref);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            frame.put(fields[i], fields[i + 1]);
        }
        send(frame.toString());
        return awaitFrame(f -> ref.equals(f.path("ref").asText()));
    }

    /** The highest seq this client has seen. */
    public long lastSeq() {
        return frames.stream().mapToLong(f -> f.path("seq").asLong(0)).max().orElse(0);
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Waits until at least {@code count} frames arrived and returns them all. */
    public List<JsonNode> awaitFrames(int count) {
        await().atMost(WAIT).until(() -> frames.size() >= count);
        return frames();
    }

    public JsonNode awaitFrame(Predicate<JsonNode> match) {
        await().atMost(WAIT).until(() -> frames.stream().anyMatch(match));
        return frames.stream().filter(match).findFirst().orElseThrow();
    }

    public long count(Predicate<JsonNode> match) {
        return frames.stream().filter(match).count();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Waits until the gateway closes the connection; returns the close code it gave. */
    public int awaitCloseCode(Duration within) {
        closed.copy().orTimeout(within.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
        if (!closed.isDone() || closeCode < 0) {
            throw new AssertionError("the gateway did not close the connection within " + within);
        }
        return closeCode;
    }

    /** The reason the gateway gave with its close frame, once closed. */
    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /**
     * Closes from this side unless the gateway already has. When the gateway's close frame arrives while
     * this one is being sent, the JDK answers it first and this send finds the output closed: the
     * connection is closed either way, so that is not an error.
     */
    @Override
    public void close() {
        if (socket.isOutputClosed()) {
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        } catch (CompletionException e) {
            boolean closedByGateway = e.getCause() instanceof IOException && (socket.isOutputClosed() || closed.isDone());
            if (!closedByGateway) {
                throw e;
            }
        }
    }

    public static Predicate<JsonNode> escalationCreated(String escalationId) {
        return f -> "escalation.created".equals(f.path("type").asText())
                && escalationId.equals(f.path("summary").path("escalation").path("escalationId").asText());
    }

    public static Predicate<JsonNode> frame(String type, String conversationId) {
        return f -> type.equals(f.path("type").asText()) && conversationId.equals(f.path("conversationId").asText());
    }

    public static Predicate<JsonNode> message(String conversationId, String text) {
        return f -> "message".equals(f.path("type").asText()) && conversationId.equals(f.path("conversationId").asText())
                && text.equals(f.path("message").path("text").asText());
    }

    private final class Recorder implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(EventJson.mapper().readTree(partial.toString()));
                } catch (JsonProcessingException e) {
                    throw new AssertionError("the gateway sent a frame that is not JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            closeReason = reason;
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
