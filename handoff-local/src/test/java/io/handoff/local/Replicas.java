package io.handoff.local;

import io.handoff.testing.FreePorts;
import io.handoff.testing.KafkaBroker;
import io.handoff.testing.PostgresServer;
import io.handoff.testing.TokenIssuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Two packaged instances of one service on one broker and one database, as replicas run. */
final class Replicas {

    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private Replicas() {
    }

    /** The configuration both replicas share: the broker, their database, and the token issuer's key. */
    static Map<String, String> config(KafkaBroker kafka, PostgresServer postgres, String database) {
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.createDatabase(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "mp.jwt.verify.publickey", TokenIssuer.shared().publicKeyPem(),
                "mp.jwt.verify.issuer", TokenIssuer.ISSUER);
    }

    /** Starts one replica of {@code module}, logging under {@code logs}/{@code name}, and waits until it is ready. */
    static ServiceProcess start(String module, Map<String, String> config, Path logs, String name) {
        Path root = Path.of(Objects.requireNonNull(System.getProperty("handoff.root"), "handoff.root"));
        ServiceProcess process = ServiceProcess.start(root, module, FreePorts.find(), config, JVM, logs.resolve(name));
        try {
            process.awaitReady(Duration.ofMinutes(2));
            return process;
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }
}
