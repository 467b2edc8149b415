package io.handoff.bench;

import io.handoff.bench.ConversationTraffic.TrafficEvent;
import io.handoff.events.Topics;
import io.handoff.local.LocalStack;
import io.handoff.local.ServiceProcess;
import io.handoff.local.StackPorts;
import org.apache.kafka.common.TopicPartition;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The whole pipeline under load, in one run on one machine: the six packaged services as separate
 * processes on a real broker, PostgreSQL, an SMTP server and a webhook receiver (the local stack),
 * with this program playing the upstream chat service.
 *
 * <ol>
 *   <li>Steady phase: many concurrent conversations at a fixed rate; for each conversation that asks
 *       for a person, the time from producing that message to the webhook and to the email arriving,
 *       split into hops (detector, router, notifier); the detector's lag at the end; each service's
 *       start-up time and resident memory.</li>
 *   <li>Throughput phase: a backlog produced as fast as possible; how fast the detector works it off,
 *       against a bare Kafka consumer reading the same records.</li>
 * </ol>
 *
 * <p>Usage, from the project directory after {@code ./mvnw install -DskipTests}:
 * {@code java -cp benchmarks/target/handoff-benchmarks.jar io.handoff.bench.PipelineBenchmark
 * [rate/s=1000] [seconds=60] [escalating share=0.05] [backlog=200000] [concurrent conversations=5000]},
 * with {@code -Dbench.warmup-seconds=240} for the unmeasured warm-up load before the steady phase, and
 * {@code -Dbench.<module>.<key>=<value>} for a service's settings.
 */
public final class PipelineBenchmark {

    /** The detector's Kafka Streams application id, which is its consumer group (its default). */
    static final String DETECTOR_GROUP = "handoff-trigger-detector";
    static final String GATEWAY_GROUP = "handoff-livechat-gateway";

    static final String DETECTOR = "trigger-detector";
    static final List<String> MODULES = List.of(DETECTOR, "escalation-router", "notifier-email", "notifier-slack",
            "notifier-webhook", "livechat-gateway");

    static final String THIS_JVM = "this JVM (SMTP, webhook receiver, load)";
    static final String THIS_JVM_WITH_BROKER = "this JVM (broker, SMTP, webhook receiver, load)";
    static final String BROKER = "Kafka broker (its own JVM)";

    private static final String RECIPIENT = "team@bench.test";
    private static final String WEBHOOK_PATH = "/hooks/bench";
    private static final Duration NOTIFICATION_WAIT = Duration.ofMinutes(5);

    /** What to run; see the class comment for the order of the arguments. */
    record Options(int rate, int seconds, double escalatingShare, int backlog, int conversations, int warmupSeconds) {

        static Options parse(String[] args) {
            int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
            int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
            double share = args.length > 2 ? share(args[2]) : 0.05;
            int backlog = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
            int conversations = args.length > 4 ? Integer.parseInt(args[4]) : 5_000;
            int warmup = Integer.getInteger("bench.warmup-seconds", 240);
            if (rate < 1 || seconds < 1 || backlog < 1 || conversations < 1 || warmup < 0) {
                throw new IllegalArgumentException("rate, seconds, backlog and conversations must be positive");
            }
            return new Options(rate, seconds, share, backlog, conversations, warmup);
        }

        /** "0.05" or "5%". */
        private static double share(String text) {
            return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100 : Double.parseDouble(text);
        }
    }

    /** A service's start-up: process start to first ready answer, and what Quarkus itself logged. */
    record Startup(long pid, Duration toReady, Duration quarkusStartedIn) {
    }

    /** What the steady phase measured. */
    record Steady(long measuredEvents, double achievedRate, long failedSends, long detectorLag, long gatewayLag,
                  int escalations, int escalationsSeen, Percentiles webhook, Percentiles email,
                  Map<String, Percentiles> hops, List<SlowDelivery> slowest, Map<String, Long> residentMiB,
                  CpuUse.Period cpu) {
    }

    /**
     * One of the slowest webhooks of the steady phase, split into its hops, so that the tail can be traced
     * to the service (and the moment, for its GC log) that held it.
     */
    record SlowDelivery(Instant produced, double totalMillis, double detectorMillis, double routerMillis,
                        double notifierMillis) {
    }

    /** How many of the slowest webhooks the summary splits into hops. */
    private static final int SLOWEST_SHOWN = 8;
    /** Wall-clock times as the services' GC logs write them with -Xlog:gc:file=...:utctime. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** What the throughput phase measured. */
    record Throughput(long records, double produceRate, long detectorBacklogAtStart, double detectorRate,
                      double gatewaySeconds, BareConsumer.Read bare, CpuUse.Period cpu) {
    }

    private PipelineBenchmark() {
    }

    /**
     * The JVM of each service as in its Kubernetes pod: a fixed heap, and one processor, which is what a
     * JVM sees under the pods' CPU limit of 1 and from which it chooses its defaults (fewer GC and
     * compiler threads), with G1, which the container image sets (deploy/docker/Dockerfile.jvm) where the
     * JVM would pick the serial collector for one processor. Unlike the local stack's flags, the JIT
     * compiles hot code fully. -Dhandoff.local.jvm-options replaces them, and
     * -Dhandoff.local.jvm-options.&lt;module&gt; adds flags for one service.
     */
    static final String PRODUCTION_JVM_OPTIONS = "-Xms64m -Xmx512m -XX:ActiveProcessorCount=1 -XX:+UseG1GC";

    /**
     * Runs the benchmark and ends the JVM, also when the in-process servers leave threads behind, so
     * that a finished run never keeps holding the machine.
     */
    public static void main(String[] args) {
        int status = 0;
        try {
            run(Options.parse(args));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(Options options) throws Exception {
        Path root = Path.of(System.getProperty("handoff.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("handoff-pipeline-bench");

        ConversationTraffic.checkVocabulary();
        ConversationTraffic traffic = new ConversationTraffic(options.conversations(), options.escalatingShare(), 1_000_000L, 42);
        List<TrafficEvent> steadyEvents = traffic.next((options.warmupSeconds() + options.seconds()) * options.rate());
        List<TrafficEvent> backlogEvents = traffic.next(options.backlog());

        System.out.printf("Pipeline benchmark on %s, %d cores, %s RAM, Java %s (%s)%n", Machine.cpuModel(),
                Runtime.getRuntime().availableProcessors(), Machine.memory(), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"));
        System.out.printf("steady phase: %,d events/s for %d s after a %d s warm-up; %,d concurrent conversations, "
                        + "%.1f%% of them ask for a person; throughput phase: a backlog of %,d events%n",
                options.rate(), options.seconds(), options.warmupSeconds(), options.conversations(),
                100 * options.escalatingShare(), options.backlog());
        System.out.printf("events: visitor and assistant messages and conversation.closed, %.0f bytes on average; "
                + "one producer, acks=all, linger.ms=%d%n", averageSize(backlogEvents), TrafficProducer.LINGER_MS);
        System.out.printf("work directory (service logs in logs/): %s%n%n", work);

        StackPorts ports = StackPorts.random();
        // the broker in a JVM of its own, as deployed; -Dbench.broker=in-process keeps it in this JVM
        BrokerProcess broker = null;
        if (!"in-process".equals(System.getProperty("bench.broker"))) {
            String brokerOptions = System.getProperty("bench.broker.jvm-options", BrokerProcess.JVM_OPTIONS);
            System.out.println("Kafka broker in its own JVM: " + brokerOptions);
            broker = BrokerProcess.start(brokerOptions, work, work.resolve("logs").resolve("kafka-broker.log"), Duration.ofMinutes(2));
            System.setProperty(LocalStack.KAFKA_PROPERTY, broker.bootstrapServers());
        } else {
            System.out.println("Kafka broker in this JVM");
        }
        LocalStack stack;
        Map<String, Startup> startups;
        try (ReadinessWatch readiness = new ReadinessWatch(portsByModule(ports))) {
            System.out.println("Starting the local stack: Kafka, PostgreSQL, SMTP, webhook receiver, six services ...");
            // the services as the container image runs them (full JIT), not with the local stack's quick-start flags
            System.setProperty(LocalStack.JVM_OPTIONS_PROPERTY,
                    System.getProperty(LocalStack.JVM_OPTIONS_PROPERTY, PRODUCTION_JVM_OPTIONS));
            System.out.println("service JVM options: " + System.getProperty(LocalStack.JVM_OPTIONS_PROPERTY));
            for (String module : MODULES) {
                String own = System.getProperty(LocalStack.JVM_OPTIONS_PROPERTY + "." + module);
                if (own != null) {
                    System.out.println("  " + module + " adds: " + own);
                }
            }
            Map<String, Map<String, String>> serviceConfig = serviceConfig();
            serviceConfig.forEach((module, config) -> System.out.println(module + " settings: " + config));
            stack = LocalStack.start(root, work, ports, Duration.ofMinutes(5), serviceConfig);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "pipeline-bench-stop"));
            startups = startups(stack, readiness);
        }
        try {
            startups.forEach((module, s) -> System.out.printf("  %-18s pid %-8d ready %5.1f s after its process started%n",
                    module, s.pid(), s.toReady().toMillis() / 1000.0));
            configureChatbot(stack);
            Steady steady;
            Throughput throughput;
            try (TrafficProducer producer = new TrafficProducer(stack.kafkaBootstrapServers());
                 GroupOffsets offsets = new GroupOffsets(stack.kafkaBootstrapServers());
                 NotificationArrivals arrivals = new NotificationArrivals(stack.webhookReceiver(), stack.smtp());
                 TopicArrivals topics = new TopicArrivals(stack.kafkaBootstrapServers(),
                         List.of(Topics.ESCALATIONS, Topics.NOTIFY_WEBHOOK, Topics.NOTIFY_EMAIL))) {
                Map<String, Long> pids = pids(stack, broker);
                steady = steadyPhase(options, stack, pids, steadyEvents, producer, offsets, arrivals, topics);
                throughput = throughputPhase(stack, pids, backlogEvents, producer, offsets, arrivals);
            }
            printSummary(options, startups, steady, throughput);
        } finally {
            stack.close();
            if (broker != null) {
                broker.close();
            }
        }
    }

    /**
     * Settings for the services from {@code -Dbench.<module>.<key>=<value>}, for example
     * {@code '-Dbench.trigger-detector.handoff.detector.streams."commit.interval.ms"=20'}.
     */
    static Map<String, Map<String, String>> serviceConfig() {
        Map<String, Map<String, String>> config = new LinkedHashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            for (String module : MODULES) {
                String prefix = "bench." + module + ".";
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    config.computeIfAbsent(module, m -> new LinkedHashMap<>())
                            .put(name.substring(prefix.length()), System.getProperty(name));
                }
            }
        }
        return config;
    }

    private static Map<String, Integer> portsByModule(StackPorts ports) {
        return Map.of(DETECTOR, ports.detector(), "escalation-router", ports.router(), "notifier-email", ports.email(),
                "notifier-slack", ports.slack(), "notifier-webhook", ports.webhook(), "livechat-gateway", ports.gateway());
    }

    /**
     * The six services are launched together (on two cores, next to the broker and PostgreSQL that
     * have just started), so each one's start-up includes waiting for the CPU that the others use.
     */
    private static Map<String, Startup> startups(LocalStack stack, ReadinessWatch readiness) throws InterruptedException {
        Map<String, Startup> startups = new LinkedHashMap<>();
        for (String module : MODULES) {
            ServiceProcess service = stack.service(module);
            Instant ready = readiness.readyAt(module);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ready == null && System.nanoTime() < deadline) {
                Thread.sleep(20); // the stack saw it ready; the watch asks again within 50 ms
                ready = readiness.readyAt(module);
            }
            if (ready == null) {
                throw new IllegalStateException(module + " is ready for the stack but never answered the readiness watch");
            }
            startups.put(module, new Startup(service.pid(), Duration.between(ProcessFacts.started(service.pid()), ready),
                    ProcessFacts.quarkusStartedIn(service.log())));
        }
        return startups;
    }

    /**
     * Email and webhook on, no offer, no email required: a visitor who asks for a person is escalated
     * by that one message. Returns once the detector decides with these settings.
     */
    private static void configureChatbot(LocalStack stack) throws Exception {
        String settings = """
                {"name": "%s", "offerFirst": false, "emailRequired": false,
                 "email": {"enabled": true, "recipients": "%s"},
                 "webhook": {"enabled": true, "url": "%s", "signingSecret": "bench-signing-secret"}}
                """.formatted(ConversationTraffic.CHATBOT_NAME, RECIPIENT, stack.webhookReceiver().url(WEBHOOK_PATH));
        HttpResponse<String> saved = stack.putSettings(ConversationTraffic.CHATBOT_ID, settings);
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("could not save the chatbot's settings: " + saved.body());
        }
        stack.awaitDetectorAction(ConversationTraffic.CHATBOT_ID, "escalate", Duration.ofSeconds(90));
    }

    private static Steady steadyPhase(Options options, LocalStack stack, Map<String, Long> pids, List<TrafficEvent> events,
                                      TrafficProducer producer, GroupOffsets offsets, NotificationArrivals arrivals,
                                      TopicArrivals topics) throws Exception {
        int warmup = options.warmupSeconds() * options.rate();
        warmUp(options, events.subList(0, warmup), producer, offsets, arrivals, topics);
        List<TrafficEvent> measuredEvents = events.subList(warmup, events.size());
        Map<String, Instant> produced = new ConcurrentHashMap<>();
        AtomicLong measuredFrom = new AtomicLong();
        AtomicLong lastSend = new AtomicLong();
        AtomicReference<CpuUse.Snapshot> cpuFrom = new AtomicReference<>();
        System.out.printf("%nSteady phase: %,d events at %,d/s ...%n", measuredEvents.size(), options.rate());
        ProgressReport progress = new ProgressReport(producer, offsets, arrivals, topics);
        TrafficProducer.Sent sent;
        try (progress) {
            sent = producer.paced(measuredEvents, options.rate(), (index, event, at) -> {
                if (index == 0) {
                    measuredFrom.set(System.nanoTime());
                    cpuFrom.set(CpuUse.take(pids));
                }
                lastSend.set(System.nanoTime());
                if (event.escalating()) {
                    produced.put(event.key(), at);
                }
            });
        }
        CpuUse.Period cpu = CpuUse.between(cpuFrom.get(), CpuUse.take(pids));
        long measuredNanos = System.nanoTime() - measuredFrom.get();
        long measured = sent.count();
        // the rate the load was sent at: n events are n - 1 intervals from the first send to the last. Timed to the
        // end of the final flush instead, a phase sent exactly on schedule showed a little under the asked rate
        double achievedRate = measured < 2 ? 0 : (measured - 1) / ((lastSend.get() - measuredFrom.get()) / 1e9);
        long detectorLag = offsets.lag(DETECTOR_GROUP, Topics.CONVERSATION_EVENTS);
        long gatewayLag = offsets.lag(GATEWAY_GROUP, Topics.CONVERSATION_EVENTS);
        Map<String, Long> resident = new LinkedHashMap<>();
        for (String module : MODULES) {
            resident.put(module, ProcessFacts.residentMiB(stack.service(module).pid()));
        }
        System.out.printf("sent %,d measured events in %.1f s (to the last acknowledgement): %,.1f/s from the first send to"
                        + " the last; detector lag at the end %,d records, gateway lag %,d%n",
                measured, measuredNanos / 1e9, achievedRate, detectorLag, gatewayLag);

        long deadline = System.nanoTime() + NOTIFICATION_WAIT.toNanos();
        while (System.nanoTime() < deadline && !produced.keySet().stream()
                .allMatch(c -> arrivals.webhook(c) != null && arrivals.email(c) != null)) {
            Thread.sleep(200);
        }
        if (arrivals.problem() != null) {
            System.out.println("reading the notifications failed: " + arrivals.problem());
        }
        // the throughput phase starts from a detector and a gateway that have read everything so far
        awaitCaughtUp(offsets);

        Map<String, Percentiles> hops = new LinkedHashMap<>();
        hops.put("produced -> escalation on handoff.escalations (detector)",
                between(produced, produced::get, c -> topics.seen(Topics.ESCALATIONS, c)));
        hops.put("escalation -> notify.webhook (router)",
                between(produced, c -> topics.seen(Topics.ESCALATIONS, c), c -> topics.seen(Topics.NOTIFY_WEBHOOK, c)));
        hops.put("notify.webhook -> webhook received (notifier-webhook)",
                between(produced, c -> topics.seen(Topics.NOTIFY_WEBHOOK, c), arrivals::webhook));
        hops.put("escalation -> notify.email (router)",
                between(produced, c -> topics.seen(Topics.ESCALATIONS, c), c -> topics.seen(Topics.NOTIFY_EMAIL, c)));
        hops.put("notify.email -> email stored (notifier-email)",
                between(produced, c -> topics.seen(Topics.NOTIFY_EMAIL, c), arrivals::email));
        int seen = (int) produced.keySet().stream().filter(c -> topics.seen(Topics.ESCALATIONS, c) != null).count();
        return new Steady(measured, achievedRate, producer.failed(), detectorLag, gatewayLag,
                produced.size(), seen, between(produced, produced::get, arrivals::webhook),
                between(produced, produced::get, arrivals::email), hops, slowest(produced, topics, arrivals), resident, cpu);
    }

    /**
     * The same load for the warm-up seconds, then nothing until the detector and the gateway have read
     * all of it: six JVMs that have just started spend much of the first minutes compiling their hot
     * code, and the measured phase is to start from a pipeline that has done so and has nothing queued.
     */
    private static void warmUp(Options options, List<TrafficEvent> events, TrafficProducer producer, GroupOffsets offsets,
                               NotificationArrivals arrivals, TopicArrivals topics) {
        if (events.isEmpty()) {
            return;
        }
        System.out.printf("%nWarm-up: %,d events at %,d/s, then until the detector and the gateway have caught up ...%n",
                events.size(), options.rate());
        try (ProgressReport progress = new ProgressReport(producer, offsets, arrivals, topics)) {
            producer.paced(events, options.rate(), null);
        }
        long start = System.nanoTime();
        awaitCaughtUp(offsets);
        System.out.printf("caught up %.1f s after the warm-up load ended%n", (System.nanoTime() - start) / 1e9);
    }

    /** Returns once the detector and the gateway have committed everything produced so far. */
    private static void awaitCaughtUp(GroupOffsets offsets) {
        Map<TopicPartition, Long> end = offsets.endOffsets(Topics.CONVERSATION_EVENTS);
        offsets.awaitCommitted(DETECTOR_GROUP, Topics.CONVERSATION_EVENTS, end, Duration.ofMillis(200), Duration.ofMinutes(10));
        offsets.awaitCommitted(GATEWAY_GROUP, Topics.CONVERSATION_EVENTS, end, Duration.ofMillis(200), Duration.ofMinutes(10));
    }

    /** The slowest webhooks, with the hops they took, slowest first. */
    private static List<SlowDelivery> slowest(Map<String, Instant> produced, TopicArrivals topics,
                                              NotificationArrivals arrivals) {
        List<SlowDelivery> all = new ArrayList<>();
        for (Map.Entry<String, Instant> conversation : produced.entrySet()) {
            Instant escalation = topics.seen(Topics.ESCALATIONS, conversation.getKey());
            Instant command = topics.seen(Topics.NOTIFY_WEBHOOK, conversation.getKey());
            Instant webhook = arrivals.webhook(conversation.getKey());
            if (escalation != null && command != null && webhook != null) {
                all.add(new SlowDelivery(conversation.getValue(), millis(conversation.getValue(), webhook),
                        millis(conversation.getValue(), escalation), millis(escalation, command), millis(command, webhook)));
            }
        }
        all.sort(Comparator.comparingDouble(SlowDelivery::totalMillis).reversed());
        return all.subList(0, Math.min(SLOWEST_SHOWN, all.size()));
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    /** The time from {@code from} to {@code to} for every measured conversation that has both. */
    private static Percentiles between(Map<String, Instant> conversations, Function<String, Instant> from,
                                       Function<String, Instant> to) {
        List<Duration> durations = new ArrayList<>();
        for (String conversation : conversations.keySet()) {
            Instant start = from.apply(conversation);
            Instant end = to.apply(conversation);
            if (start != null && end != null) {
                durations.add(Duration.between(start, end));
            }
        }
        return Percentiles.of(durations);
    }

    /**
     * Produces the backlog as fast as possible, then times the detector from the end of producing to
     * the moment it has committed the whole topic; the gateway, which reads the same topic, is timed
     * alongside. When the rest of the pipeline has finished with the backlog's escalations, a bare
     * consumer reads the same records, so it has the machine to itself as the detector did not.
     */
    private static Throughput throughputPhase(LocalStack stack, Map<String, Long> pids, List<TrafficEvent> events,
                                              TrafficProducer producer, GroupOffsets offsets, NotificationArrivals arrivals)
            throws InterruptedException {
        String topic = Topics.CONVERSATION_EVENTS;
        System.out.printf("%nThroughput phase: producing a backlog of %,d events as fast as possible ...%n", events.size());
        Map<TopicPartition, Long> from = offsets.endOffsets(topic);
        TrafficProducer.Sent sent = producer.asFastAsPossible(events);
        CpuUse.Snapshot cpuFrom = CpuUse.take(pids);
        long start = cpuFrom.nanoTime();
        long committedAtStart = GroupOffsets.sum(offsets.committed(DETECTOR_GROUP, topic));
        Map<TopicPartition, Long> to = offsets.endOffsets(topic);
        long remaining = GroupOffsets.sum(to) - committedAtStart;
        System.out.printf("produced at %,.0f/s; the detector had %,d records left when producing ended%n",
                sent.rate(), remaining);

        long detectorDone = 0;
        long gatewayDone = 0;
        CpuUse.Snapshot cpuTo = null;
        long deadline = start + Duration.ofMinutes(20).toNanos();
        while ((detectorDone == 0 || gatewayDone == 0) && System.nanoTime() < deadline) {
            if (detectorDone == 0 && reached(offsets.committed(DETECTOR_GROUP, topic), to)) {
                cpuTo = CpuUse.take(pids);
                detectorDone = cpuTo.nanoTime();
            }
            if (gatewayDone == 0 && reached(offsets.committed(GATEWAY_GROUP, topic), to)) {
                gatewayDone = System.nanoTime();
            }
            Thread.sleep(50);
        }
        if (detectorDone == 0) {
            throw new IllegalStateException("the detector did not work off the backlog within 20 minutes");
        }
        double detectorRate = remaining / ((detectorDone - start) / 1e9);
        double gatewaySeconds = gatewayDone == 0 ? Double.NaN : (gatewayDone - start) / 1e9;
        System.out.printf("detector: %,.0f records/s over %.1f s; gateway caught up after %.1f s%n",
                detectorRate, (detectorDone - start) / 1e9, gatewaySeconds);

        awaitNotified(events, arrivals);
        BareConsumer.Read bare = BareConsumer.read(stack.kafkaBootstrapServers(), from, to, Duration.ofMinutes(5));
        System.out.printf("bare consumer: %,d records at %,.0f/s%n", bare.records(), bare.rate());
        return new Throughput(events.size(), sent.rate(), remaining, detectorRate, gatewaySeconds, bare,
                CpuUse.between(cpuFrom, cpuTo));
    }

    private static boolean reached(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> target) {
        return target.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** Waits until the webhook and the email of every escalation in {@code events} have arrived. */
    private static void awaitNotified(List<TrafficEvent> events, NotificationArrivals arrivals) throws InterruptedException {
        List<String> escalating = events.stream().filter(TrafficEvent::escalating).map(TrafficEvent::key).toList();
        long deadline = System.nanoTime() + NOTIFICATION_WAIT.toNanos();
        while (!escalating.stream().allMatch(c -> arrivals.webhook(c) != null && arrivals.email(c) != null)) {
            if (System.nanoTime() > deadline) {
                System.out.println("going on although not every escalation of the backlog was notified within "
                        + NOTIFICATION_WAIT);
                return;
            }
            Thread.sleep(500);
        }
    }

    /** The processes whose CPU time is reported: the services, the broker when it has a JVM of its own, and this JVM. */
    private static Map<String, Long> pids(LocalStack stack, BrokerProcess broker) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String module : MODULES) {
            pids.put(module, stack.service(module).pid());
        }
        if (broker == null) {
            pids.put(THIS_JVM_WITH_BROKER, ProcessHandle.current().pid());
        } else {
            pids.put(BROKER, broker.pid());
            pids.put(THIS_JVM, ProcessHandle.current().pid());
        }
        return pids;
    }

    private static double averageSize(List<TrafficEvent> events) {
        Instant at = Instant.now();
        return events.stream().mapToInt(e -> e.key().length() + e.value(at).length()).average().orElse(0);
    }

    private static void printSummary(Options options, Map<String, Startup> startups, Steady steady, Throughput throughput) {
        System.out.printf("%n================ Results ================%n%n");
        System.out.printf("Steady phase: %,d events/s asked, %,.1f/s achieved over %d s (%,d events, %d failed sends)%n",
                options.rate(), steady.achievedRate(), options.seconds(), steady.measuredEvents(), steady.failedSends());
        System.out.printf("  lag at the end of the phase: detector %,d records, gateway %,d records%n",
                steady.detectorLag(), steady.gatewayLag());
        System.out.printf("  escalating messages %d; escalations seen %d; webhooks %d; emails %d%n", steady.escalations(),
                steady.escalationsSeen(), steady.webhook().count(), steady.email().count());
        System.out.printf("%n  %-58s %8s %8s %8s %8s%n", "latency (ms)", "p50", "p95", "p99", "max");
        System.out.printf("  %-58s %s%n", "message produced -> webhook received", steady.webhook().row());
        System.out.printf("  %-58s %s%n", "message produced -> email stored by the SMTP server", steady.email().row());
        System.out.printf("  (webhook: when the receiver had read the request; email: GreenMail's receive time of the stored%n"
                + "   message, to the millisecond; both on this JVM's clock, like the send times)%n");
        System.out.printf("  hops:%n");
        steady.hops().forEach((hop, p) -> System.out.printf("  %-58s %s%n", "  " + hop, p.row()));
        System.out.printf("  the %d slowest webhooks (ms): total = detector + router + notifier-webhook, produced at (UTC)%n",
                steady.slowest().size());
        for (SlowDelivery slow : steady.slowest()) {
            System.out.printf("    %8.1f = %7.1f + %7.1f + %7.1f   %s%n", slow.totalMillis(), slow.detectorMillis(),
                    slow.routerMillis(), slow.notifierMillis(), CLOCK.format(slow.produced()));
        }

        System.out.printf("%nThroughput phase: a backlog of %,d events, produced at %,.0f/s%n", throughput.records(),
                throughput.produceRate());
        double ratio = throughput.detectorRate() / throughput.bare().rate();
        System.out.printf("  %-58s %,12.0f records/s (%,d records after producing ended)%n", "trigger-detector",
                throughput.detectorRate(), throughput.detectorBacklogAtStart());
        System.out.printf("  %-58s %,12.0f records/s%n", "bare Kafka consumer, same records", throughput.bare().rate());
        System.out.printf("  %-58s %12.3f%n", "ratio", ratio);
        System.out.printf("  %-58s %12.1f s%n", "livechat-gateway, same backlog, caught up after", throughput.gatewaySeconds());

        System.out.printf("%n  %-18s %10s %16s %14s%n", "service", "start-up", "Quarkus started", "resident");
        for (String module : MODULES) {
            Startup s = startups.get(module);
            System.out.printf("  %-18s %8.1f s %14s %10d MiB%n", module, s.toReady().toMillis() / 1000.0,
                    s.quarkusStartedIn() == null ? "-" : String.format("%.1f s", s.quarkusStartedIn().toMillis() / 1000.0),
                    steady.residentMiB().get(module));
        }
        System.out.printf("  (start-up: process start to the first 200 from /q/health/ready, all six launched at once;%n"
                + "   resident: VmRSS at the end of the steady phase)%n");

        System.out.printf("%n  %-48s %16s %16s %20s%n", "CPU time, % of one core", "steady phase", "of it JIT", "detector on backlog");
        double compilers = 0;
        for (String name : steady.cpu().cpuSeconds().keySet()) {
            compilers += steady.cpu().compilerPercentOfCore(name);
            System.out.printf("  %-48s %15.0f%% %15.0f%% %19.0f%%%n", name, steady.cpu().percentOfCore(name),
                    steady.cpu().compilerPercentOfCore(name), throughput.cpu().percentOfCore(name));
        }
        System.out.printf("  %-48s %15.0f%% %15.0f%% %19.0f%%   (of %d%% available)%n", "all", steady.cpu().totalPercentOfCore(),
                compilers, throughput.cpu().totalPercentOfCore(), 100 * Runtime.getRuntime().availableProcessors());
        System.out.printf("  (of it JIT: the JVM's C1 and C2 compiler threads, still compiling hot code)%n");

        boolean throughputMet = ratio >= 0.5;
        // the load counts as held when it was sent at no less than 99% of the asked rate (a paced sender wakes up a
        // little late, so a phase sent on schedule measures a hair under it)
        boolean loadHeld = options.rate() >= 1_000 && steady.achievedRate() >= 0.99 * options.rate();
        boolean latencyMet = loadHeld && steady.webhook().count() > 0
                && steady.webhook().count() == steady.escalations() && steady.webhook().p99Millis() < 100;
        System.out.printf("%nTargets:%n");
        System.out.printf("  detector >= 0.5 x bare consumer: %.3f -> %s%n", ratio, throughputMet ? "met" : "NOT met");
        System.out.printf("  webhook p99 < 100 ms at >= 1,000 events/s: p99 %.1f ms at %,d/s asked, %,.1f/s sent, %d of %d"
                        + " webhooks -> %s%n", steady.webhook().p99Millis(), options.rate(), steady.achievedRate(),
                steady.webhook().count(), steady.escalations(), latencyMet ? "met" : "NOT met");
    }
}
