package io.handoff.bench;

import io.handoff.detector.flow.DetectionEngine;
import io.handoff.detector.signal.SignalScorer;
import io.handoff.detector.stream.ConversationState;
import io.handoff.events.Topics;
import io.handoff.events.VisitorRef;
import io.handoff.events.conversation.ConversationEvent;
import io.handoff.events.conversation.MessageCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.EventJson;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.DetectionRules;
import io.handoff.local.ServiceProcess;
import io.handoff.testing.FreePorts;
import io.handoff.testing.KafkaBroker;
import io.handoff.testing.SampleEvents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Measures, in one run on one broker: the bare Kafka consume rate of a topic of visitor messages, the
 * detector's pure decision code on the same messages, Kafka Streams alone on that topic
 * ({@link StreamsFloor}), and the packaged detector consuming it (Kafka Streams, exactly-once, state
 * store with changelog). Prints messages per second, the CPU the detector and this JVM (the broker)
 * used meanwhile, and the detector's memory.
 *
 * <p>The topic holds the warm-up messages first and the measured ones after them, of the same
 * conversations. The detector is timed over the measured ones only: a freshly started detector spends
 * its first minute mostly compiling (its JIT compiler threads took more CPU than its stream thread), so
 * timing it from its start measured its start-up rather than the rate it sustains. The bare consumer is
 * timed over all of them.
 *
 * <p>Usage: {@code java -jar benchmarks/target/handoff-benchmarks.jar [messages] [conversations]
 * [warm-up messages]} from the project directory after {@code ./mvnw package -DskipTests}.
 */
public final class DetectorBenchmark {

    private static final List<String> TEXTS = List.of(
            "Where is my order?", "How do I change my billing address?", "Do you ship to Canada?",
            "What does the pro plan include?", "Can I talk to a person?", "this is not helping at all",
            "How do I reset my password?", "Is there a discount for non-profits?", "get me a real agent",
            "What are your opening hours?");

    private static final String DETECTOR = "trigger-detector";
    private static final String BROKER = "this JVM";

    private DetectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 300_000;
        Path root = Path.of(System.getProperty("handoff.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("handoff-bench");

        int total = warmup + messages;
        List<String[]> records = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String conversation = "bench-" + (i % conversations);
            VisitorRef visitor = SampleEvents.visitor(i % 3 == 0 ? "v" + (i % conversations) + "@example.com" : null);
            MessageCreated event = SampleEvents.visitorMessage("bench-bot", conversation, visitor, TEXTS.get(i % TEXTS.size()));
            records.add(new String[]{conversation, EventJson.mapper().writeValueAsString(event)});
        }

        System.out.printf("Detector benchmark: %,d visitor messages after %,d of warm-up, over %,d conversations,"
                + " 3 partitions, %d cores%n%n", messages, warmup, conversations, Runtime.getRuntime().availableProcessors());
        try (KafkaBroker kafka = KafkaBroker.start(3)) {
            kafka.createHandoffTopics(3);
            long produceNanos = produce(kafka, records);
            System.out.printf("%-46s %,12.0f msg/s%n", "produce (acks=all, setup)", rate(total, produceNanos));

            double bareRate = bareConsume(kafka, total);
            System.out.printf("%-46s %,12.0f msg/s%n", "bare Kafka consumer (same topic)", bareRate);

            List<String[]> measured = records.subList(warmup, total);
            double scoring = pureScoring(measured);
            System.out.printf("%-46s %,12.0f msg/s%n", "pure scoring (SignalScorer only)", scoring);
            double engine = pureEngine(measured);
            System.out.printf("%-46s %,12.0f msg/s%n", "pure decisions (decode + validate + engine)", engine);

            for (StreamsFloor.Layout layout : StreamsFloor.Layout.values()) {
                double floor = streamsFloor(layout, work, kafka, warmup, total);
                System.out.printf("%-46s %,12.0f msg/s  (%.3f of bare)%n", layout.label, floor, floor / bareRate);
            }
            DetectorRun run = detectorOverBroker(root, work, kafka, warmup, total);
            System.out.printf("%-46s %,12.0f msg/s  (%.3f of bare)%n", "trigger-detector over the broker",
                    run.rate(), run.rate() / bareRate);
            System.out.printf("%-46s %,12d MiB%n", "trigger-detector resident memory after run", run.rssMiB());
            CpuUse.Period cpu = run.cpu();
            System.out.printf("%nCPU while the detector read the measured messages, %% of one core (%.0f%% available):%n",
                    100.0 * Runtime.getRuntime().availableProcessors());
            System.out.printf("  %-44s %5.0f%%  (its JIT compilers %.0f%%)%n", "trigger-detector",
                    cpu.percentOfCore(DETECTOR), cpu.compilerPercentOfCore(DETECTOR));
            System.out.printf("  %-44s %5.0f%%  (its JIT compilers %.0f%%)%n", "this JVM (the broker)",
                    cpu.percentOfCore(BROKER), cpu.compilerPercentOfCore(BROKER));
            System.out.printf("  %-44s %5.0f%%%n", "other", cpu.percentOfCore(CpuUse.OTHER));
        }
    }

    private static long produce(KafkaBroker kafka, List<String[]> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String[] r : records) {
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, r[0], r[1]));
            }
            producer.flush();
        }
        return System.nanoTime() - start;
    }

    /**
     * The rate over all {@code total} records, from the first poll that returned any. A plain consumer
     * has nothing to warm up that would show: timed over the measured records alone, its figure varied
     * more (its reading of them takes about a second) and came out lower.
     */
    private static double bareConsume(KafkaBroker kafka, int total) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-bare-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS));
            int seen = 0;
            long start = 0;
            long lastRecordAt = System.nanoTime();
            while (seen < total) {
                int n = consumer.poll(Duration.ofMillis(200)).count();
                long now = System.nanoTime();
                if (n > 0 && start == 0) {
                    start = now;
                }
                if (n > 0) {
                    lastRecordAt = now;
                } else if (now - lastRecordAt > TimeUnit.MINUTES.toNanos(1)) {
                    throw new IllegalStateException("the bare consumer read " + seen + " of " + total
                            + " records, and no more came for a minute");
                }
                seen += n;
            }
            long end = System.nanoTime();
            consumer.commitSync();
            return rate(seen, end - start);
        }
    }

    private static double pureScoring(List<String[]> records) throws Exception {
        List<String> texts = new ArrayList<>(records.size());
        for (String[] r : records) {
            texts.add(EventJson.mapper().readTree(r[1]).get("message").get("text").asText());
        }
        DetectionRules rules = DetectionRules.defaults();
        List<String> earlier = List.of("Where is my order?", "How do I reset my password?");
        for (int warm = 0; warm < 2; warm++) {
            texts.forEach(t -> SignalScorer.score(t, earlier, rules));
        }
        long start = System.nanoTime();
        for (String text : texts) {
            SignalScorer.score(text, earlier, rules);
        }
        return rate(texts.size(), System.nanoTime() - start);
    }

    private static double pureEngine(List<String[]> records) throws Exception {
        EventDecoder decoder = new EventDecoder();
        DetectionEngine engine = new DetectionEngine(20);
        ChatbotSettings settings = ChatbotSettings.defaults();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            Map<String, ConversationState> states = new HashMap<>();
            long start = System.nanoTime();
            for (String[] r : records) {
                MessageCreated m = (MessageCreated) decoder.decode(r[1], ConversationEvent.class);
                ConversationState state = states.computeIfAbsent(r[0],
                        k -> ConversationState.start(m.chatbot(), m.conversation(), m.occurredAt())).withVisitor(m.visitor());
                states.put(r[0], engine.onMessage(state, m.message().role(), m.message().text(), m.ai(), m.occurredAt(),
                        settings, m.eventId()).state());
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return rate(records.size(), best);
    }

    private record DetectorRun(double rate, long rssMiB, CpuUse.Period cpu) {
    }

    /** The rate from the moment the detector has committed the warm-up messages until it has committed all. */
    private static DetectorRun detectorOverBroker(Path root, Path work, KafkaBroker kafka, int warmup, int total)
            throws Exception {
        String applicationId = "bench-detector-" + UUID.randomUUID();
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "handoff.detector.application-id", applicationId,
                "handoff.detector.state-dir", work.resolve("state").toString(),
                "quarkus.log.level", "WARN"));
        // -Dbench.detector.<key>=<value> passes any detector setting, e.g. its processing guarantee
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.detector."))
                .forEach(k -> config.put(k.substring("bench.detector.".length()), System.getProperty(k)));
        try (ServiceProcess detector = ServiceProcess.start(root, "trigger-detector", FreePorts.find(), config,
                List.of("-Xmx512m"), work.resolve("logs"))) {
            detector.awaitReady(Duration.ofMinutes(3));
            Map<String, Long> pids = Map.of(DETECTOR, detector.pid(), BROKER, ProcessHandle.current().pid());
            Timed timed = timeCommitted(kafka, applicationId, warmup, total, pids);
            return new DetectorRun(timed.rate(), ProcessFacts.residentMiB(detector.pid()), timed.cpu());
        }
    }

    /** Kafka Streams alone on the same topic, in this JVM (see {@link StreamsFloor}), timed by the records it processed. */
    private static double streamsFloor(StreamsFloor.Layout layout, Path work, KafkaBroker kafka, int warmup, int total)
            throws InterruptedException {
        KafkaStreams streams = StreamsFloor.start(layout, kafka.bootstrapServers(), "bench-floor-" + UUID.randomUUID(),
                work.resolve("floor"));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (StreamsFloor.processed() < warmup) {
                checkBefore(deadline);
                Thread.sleep(1);
            }
            long firstAt = System.nanoTime();
            long first = StreamsFloor.processed();
            while (StreamsFloor.processed() < total) {
                checkBefore(deadline);
                Thread.sleep(1);
            }
            return rate(total - first, System.nanoTime() - firstAt);
        } finally {
            StreamsFloor.close(streams);
        }
    }

    private static void checkBefore(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka Streams did not process all messages within 15 minutes");
        }
    }

    private record Timed(double rate, CpuUse.Period cpu) {
    }

    /**
     * The rate of the consumer group {@code groupId} from the moment its committed offsets pass {@code warmup}
     * until they reach {@code total}, and the CPU the processes {@code pids} used meanwhile.
     */
    private static Timed timeCommitted(KafkaBroker kafka, String groupId, int warmup, int total, Map<String, Long> pids)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            long firstAt = 0;
            long firstOffset = 0;
            CpuUse.Snapshot cpuFrom = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (System.nanoTime() < deadline) {
                long committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS).values().stream().mapToLong(OffsetAndMetadata::offset).sum();
                long now = System.nanoTime();
                if (committed >= warmup && firstAt == 0) {
                    firstAt = now;
                    firstOffset = committed;
                    cpuFrom = CpuUse.take(pids);
                }
                if (committed >= total) {
                    return new Timed(rate(total - firstOffset, now - firstAt), CpuUse.between(cpuFrom, CpuUse.take(pids)));
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(groupId + " did not consume all messages within 15 minutes");
        }
    }

    private static double rate(long count, long nanos) {
        return count / (nanos / 1e9);
    }
}
