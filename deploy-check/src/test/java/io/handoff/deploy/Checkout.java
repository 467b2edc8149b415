package io.handoff.deploy;

import io.handoff.deploy.config.ServiceConfig;
import io.handoff.deploy.config.ServiceConfigReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repository these checks read: its root is the system property {@code handoff.root} (set in the pom). */
public final class Checkout {

    /** The six services: Maven module, Compose service, Kubernetes workload, container and KafkaUser share the name. */
    public static final List<String> SERVICES = List.of("trigger-detector", "escalation-router", "notifier-email",
            "notifier-slack", "notifier-webhook", "livechat-gateway");

    private static final Map<String, ServiceConfig> CONFIGS = new ConcurrentHashMap<>();

    private Checkout() {
    }

    public static Path root() {
        String root = System.getProperty("handoff.root");
        if (root == null) {
            throw new IllegalStateException("system property handoff.root is not set (run the tests with Maven)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the service reads, from its module's sources. */
    public static ServiceConfig service(String name) {
        return CONFIGS.computeIfAbsent(name, n -> ServiceConfigReader.read(path(n)));
    }
}
