package io.handoff.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real HTTP server on loopback that keeps every request it gets and answers with a configurable
 * response. It stands in for webhook receivers and for the Slack Web API.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** One request as received: header names are lower-case. */
    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body,
                          java.time.Instant receivedAt) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer. */
    public record Response(int status, String contentType, String body, Map<String, String> headers) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        /** The same response with one more header. */
        public Response withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Response(status, contentType, body, Map.copyOf(more));
        }

        public static Response status(int status) {
            return new Response(status, "text/plain", "");
        }

        public static Response json(String body) {
            return new Response(200, "application/json; charset=utf-8", body);
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int port;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile Function<Request, Response> responder = r -> Response.status(200);

    private RecordingHttpServer(int port) {
        this.port = port;
    }

    /** Starts on {@code port} (0: any free port) on the loopback interface. */
    public static RecordingHttpServer start(int port) {
        RecordingHttpServer recorder = new RecordingHttpServer(port);
        recorder.listen();
        return recorder;
    }

    private void listen() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            created.createContext("/", this::handle);
            executor = Executors.newFixedThreadPool(4);
            created.setExecutor(executor);
            created.start();
            // port 0 asks for any free port; a restart binds the one it got
            port = created.getAddress().getPort();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start HTTP server on port " + port, e);
        }
    }

    /**
     * Stops listening, as a receiver that went down would: new connections are refused. The requests
     * received so far and the responder are kept for {@link #startAgain()}.
     */
    public synchronized void stop() {
        HttpServer running = server;
        if (running != null) {
            running.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Listens again on the same port after {@link #stop()}, keeping the requests received before. */
    public synchronized void startAgain() {
        if (server == null) {
            listen();
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    public void respondWith(Function<Request, Response> responder) {
        this.responder = responder;
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
    }

    /** Waits until a request matches, or fails after {@code timeout}. */
    public Request awaitRequest(Predicate<Request> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Request r : requests) {
                if (match.test(r)) {
                    return r;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching HTTP request within " + timeout + "; got " + requests.size()
                + " request(s): " + requests.stream().map(r -> r.method() + " " + r.path()).toList());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT),
                            e -> String.join(",", e.getValue()), (a, b) -> a));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body, java.time.Instant.now());
            requests.add(request);
            Response response = responder.apply(request);
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
