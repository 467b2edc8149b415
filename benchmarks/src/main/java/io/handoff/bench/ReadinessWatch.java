package io.handoff.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes when each service first answers its readiness check ({@code /q/health/ready} with 200),
 * asking every 50 ms from before the services are launched. The local stack waits for its services
 * one after another, so its own waiting cannot tell when a later one became ready; this watch asks all
 * of them all the time.
 */
final class ReadinessWatch implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(50);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Integer> ports;
    private final Map<String, Instant> ready = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean running = true;

    /** @param ports each service's HTTP port, by module name */
    ReadinessWatch(Map<String, Integer> ports) {
        this.ports = Map.copyOf(ports);
        this.watcher = new Thread(this::watch, "readiness-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** When {@code module} first answered ready, or null if it has not yet. */
    Instant readyAt(String module) {
        return ready.get(module);
    }

    private void watch() {
        while (running && ready.size() < ports.size()) {
            ports.forEach((module, port) -> {
                if (!ready.containsKey(module) && isReady(port)) {
                    ready.put(module, Instant.now());
                }
            });
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean isReady(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }
}
