package io.handoff.detector.stream;

import io.handoff.events.Topics;
import io.handoff.events.json.JsonSerde;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.telemetry.tracing.Tracing;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/**
 * conversation events + live-chat directives → {@link ConversationProcessor} (per-conversation store,
 * global settings store) → escalations, directives, or a dead-letter topic for what cannot be read.
 */
public final class DetectorTopology {

    public static final String CONVERSATION_STORE = "conversations";
    public static final String SETTINGS_STORE = "chatbot-settings";
    static final String SOURCE = "conversation-events";
    static final String DIRECTIVES_SOURCE = "directives-in";
    static final String SETTINGS_SOURCE = "settings-in";
    static final String PROCESSOR = "detector";
    static final String ESCALATIONS_SINK = "escalations";
    static final String DIRECTIVES_SINK = "directives";
    static final String DLQ_SINK = "dead-letters";
    static final String DIRECTIVES_DLQ_SINK = "directive-dead-letters";

    private DetectorTopology() {
    }

    public static Topology build(DetectorConfig.Topics topics, int windowSize, Duration timerInterval,
                                 DetectorMetrics metrics, Tracing tracing) {
        Topology topology = new Topology();
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SETTINGS_STORE), Serdes.String(),
                        new RememberingSerde<>(new JsonSerde<>(ChatbotSettings.class))).withLoggingDisabled(),
                SETTINGS_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                topics.chatbotSettings(), "settings-updater", SettingsStoreUpdater::new);
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                topics.conversationEvents());
        topology.addSource(DIRECTIVES_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                topics.directives());
        topology.addProcessor(PROCESSOR,
                () -> new ConversationProcessor(windowSize, topics.directives(), timerInterval, metrics, tracing), SOURCE,
                DIRECTIVES_SOURCE);
        // the record cache keeps the conversations' latest states until it needs the room, and a commit writes the
        // changed ones once to RocksDB and the changelog. It holds them as the compact arrays of ConversationStateSerde,
        // decoded again on each read: holding the decoded objects instead filled the young generation with states
        // that lived a few seconds, and copying them made the collector's pauses the detector's longest delays
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CONVERSATION_STORE),
                Serdes.String(), new ConversationStateSerde()).withCachingEnabled(),
                PROCESSOR);
        topology.addSink(ESCALATIONS_SINK, topics.escalations(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(DIRECTIVES_SINK, topics.directives(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(DLQ_SINK, Topics.dlq(topics.conversationEvents()), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(DIRECTIVES_DLQ_SINK, Topics.dlq(topics.directives()), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        return topology;
    }
}
