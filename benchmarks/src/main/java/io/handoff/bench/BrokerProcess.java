package io.handoff.bench;

import io.handoff.testing.KafkaBroker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline benchmark's Kafka broker, in a JVM of its own as in a deployment, so that neither the load
 * generator's heap nor the receivers' work stops it and its collections stop nothing else.
 *
 * <p>{@code main} starts the broker, writes its bootstrap servers to the file named by its one argument,
 * and stops the broker when its standard input ends, which is when the benchmark's JVM exits.
 */
final class BrokerProcess implements AutoCloseable {

    /** The flags Kafka's own start scripts give a broker (kafka-server-start.sh, kafka-run-class.sh). */
    static final String JVM_OPTIONS = "-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 "
            + "-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15";

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) throws IOException {
        try (KafkaBroker broker = KafkaBroker.start(3)) {
            Path target = Path.of(args[0]);
            Path written = Files.writeString(target.resolveSibling(target.getFileName() + ".tmp"),
                    broker.bootstrapServers(), StandardCharsets.UTF_8);
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() != -1) {
                // runs until the benchmark's JVM, which holds the other end, is gone
            }
        }
        System.exit(0);
    }

    /** Starts the broker's JVM with {@code jvmOptions}, its output to {@code log}, and waits until it listens. */
    static BrokerProcess start(String jvmOptions, Path work, Path log, Duration timeout) throws IOException, InterruptedException {
        Path address = work.resolve("kafka-bootstrap-servers");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BrokerProcess.class.getName());
        command.add(address.toString());
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(address)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker's JVM ended with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("the Kafka broker did not start within " + timeout + "; see " + log);
            }
            Thread.sleep(100);
        }
        return new BrokerProcess(process, Files.readString(address, StandardCharsets.UTF_8).trim());
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    /** Ends the broker's input, which stops it, and waits for its JVM to exit. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
