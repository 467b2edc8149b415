package io.handoff.detector.stream;

import io.handoff.events.Topics;
import io.handoff.events.json.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * conversation events → {@link ConversationProcessor} (with the per-conversation store) → escalations,
 * directives, or the dead-letter topic for events that cannot be read.
 */
public final class DetectorTopology {

    public static final String CONVERSATION_STORE = "conversations";
    static final String SOURCE = "conversation-events";
    static final String PROCESSOR = "detector";
    static final String ESCALATIONS_SINK = "escalations";
    static final String DIRECTIVES_SINK = "directives";
    static final String DLQ_SINK = "dead-letters";

    private DetectorTopology() {
    }

    public static Topology build(DetectorConfig.Topics topics, int windowSize) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                topics.conversationEvents());
        topology.addProcessor(PROCESSOR, () -> new ConversationProcessor(windowSize), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CONVERSATION_STORE),
                Serdes.String(), new JsonSerde<>(ConversationState.class)), PROCESSOR);
        topology.addSink(ESCALATIONS_SINK, topics.escalations(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(DIRECTIVES_SINK, topics.directives(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(DLQ_SINK, Topics.dlq(topics.conversationEvents()), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        return topology;
    }
}
