package io.handoff.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.events.Topics;
import io.handoff.events.ExternalId;
import io.handoff.events.VisitorRef;
import io.handoff.events.json.EventJson;
import io.handoff.testing.SampleEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the upstream chat service at a steady rate: visitor messages across many conversations of
 * one chatbot, a share of which end with the visitor asking for a person. Sends are asynchronous
 * with an idempotent producer that keeps retrying for two minutes; while the broker is away the
 * producer holds the sending thread (it has no metadata to place records with), and the messages
 * left out meanwhile are sent at once when it is back. A message counts as produced once the broker
 * acknowledged it.
 */
final class UpstreamTraffic implements AutoCloseable {

    /** Visitor messages that raise no signal at any handoff level. */
    static final List<String> ORDINARY = List.of(
            "Hi there, what are your opening hours on Saturday?",
            "Do you ship to Canada as well?",
            "How much does the premium plan cost per year?",
            "Is there a student discount available?",
            "Which payment methods do you accept?",
            "Thanks, that answers my question about delivery times.");

    /** Explicit requests for a person, each of which escalates at once (docs/detection.md). */
    static final List<String> HUMAN_REQUESTS = List.of(
            "Can I talk to a person?",
            "I want to talk to a human",
            "get me a real agent please",
            "human please",
            "transfer me to customer service");

    private final String chatbotId;
    private final String prefix;
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "upstream-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new Random(42);
    private final List<Conversation> active = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Set<String> askedForAPerson = ConcurrentHashMap.newKeySet();
    private int nextConversation;
    private int turn;

    /** One conversation's script: some ordinary messages, then perhaps a request for a person. */
    private static final class Conversation {
        final String key;
        final int ordinaryMessages;
        final boolean asksForAPerson;
        int sent;

        Conversation(String key, int ordinaryMessages, boolean asksForAPerson) {
            this.key = key;
            this.ordinaryMessages = ordinaryMessages;
            this.asksForAPerson = asksForAPerson;
        }

        boolean done() {
            return sent >= ordinaryMessages + (asksForAPerson ? 1 : 0);
        }
    }

    /**
     * @param prefix   conversation ids start with it, so runs and scenarios never share a conversation
     * @param parallel conversations going on at the same time
     */
    UpstreamTraffic(String bootstrapServers, String chatbotId, String prefix, int parallel) {
        this.chatbotId = chatbotId;
        this.prefix = prefix;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        this.producer = new KafkaProducer<>(props);
        for (int i = 0; i < parallel; i++) {
            active.add(newConversation());
        }
    }

    /** Sends {@code perSecond} visitor messages a second until {@link #stop()}. */
    void start(int perSecond) {
        ticker.scheduleAtFixedRate(this::sendNext, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops sending and waits until the broker has acknowledged (or refused) everything sent. */
    void stop() {
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the traffic did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
    }

    private void sendNext() {
        Conversation conversation = active.get(turn);
        boolean request = conversation.sent == conversation.ordinaryMessages;
        String text = request
                ? HUMAN_REQUESTS.get(random.nextInt(HUMAN_REQUESTS.size()))
                : ORDINARY.get(Math.floorMod(conversation.key.hashCode() + conversation.sent, ORDINARY.size()));
        send(conversation.key, text, request);
        conversation.sent++;
        if (conversation.done()) {
            active.set(turn, newConversation());
        }
        turn = (turn + 1) % active.size();
    }

    private void send(String conversation, String text, boolean request) {
        VisitorRef visitor = new VisitorRef(ExternalId.of("v-" + conversation), null, "Jane", "Doe", null);
        String value;
        try {
            value = EventJson.mapper().writeValueAsString(SampleEvents.visitorMessage(chatbotId, conversation, visitor, text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sent.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, conversation, value), (metadata, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                } else {
                    acknowledged.incrementAndGet();
                    if (request) {
                        askedForAPerson.add(conversation);
                    }
                }
            });
        } catch (RuntimeException e) {
            // counted, and the traffic goes on: a scheduled task that throws is never run again
            failed.incrementAndGet();
        }
    }

    private Conversation newConversation() {
        String key = prefix + "-" + nextConversation++;
        // a third of the conversations end with the visitor asking for a person
        return new Conversation(key, 1 + random.nextInt(3), random.nextInt(3) == 0);
    }

    /** Visitor messages the broker acknowledged. */
    int produced() {
        return acknowledged.get();
    }

    /** Visitor messages the producer gave up on (none, unless the broker stayed away for minutes). */
    int failed() {
        return failed.get();
    }

    int sent() {
        return sent.get();
    }

    /** The conversations whose request for a person the broker acknowledged: each must escalate once. */
    Set<String> askedForAPerson() {
        return Set.copyOf(askedForAPerson);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }
}
