package io.handoff.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.events.json.EventJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** An agent as a browser would be one: the JDK's WebSocket client, recording every frame it gets. */
final class AgentClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private AgentClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Recorder())
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    static AgentClient connect(URI uri) {
        return new AgentClient(uri);
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Waits until at least {@code count} frames arrived and returns them all. */
    List<JsonNode> awaitFrames(int count) {
        await().atMost(WAIT).until(() -> frames.size() >= count);
        return frames();
    }

    JsonNode awaitFrame(Predicate<JsonNode> match) {
        await().atMost(WAIT).until(() -> frames.stream().anyMatch(match));
        return frames.stream().filter(match).findFirst().orElseThrow();
    }

    long count(Predicate<JsonNode> match) {
        return frames.stream().filter(match).count();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    static Predicate<JsonNode> escalationCreated(String escalationId) {
        return f -> "escalation.created".equals(f.path("type").asText())
                && escalationId.equals(f.path("escalation").path("escalationId").asText());
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
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
