package io.handoff.detector.stream;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A serde for immutable state values that remembers which object each byte array it wrote or read
 * stands for, so the same array is never decoded twice.
 *
 * <p>The in-memory settings store hands back the very array it was given, and a chatbot's settings
 * are read on every message of its conversations, so the JSON was decoded again for each message; now
 * it is decoded once per update. Arrays are compared by identity and held weakly: once the store lets
 * go of one, its entry goes too. The values must be immutable, since one object is handed out for every
 * read. Settings are few and long-lived; the conversation states, many and replaced with every message,
 * are not kept decoded (see {@link ConversationStateSerde}).
 */
public final class RememberingSerde<T> implements Serde<T> {

    private final Serde<T> encoding;
    private final Map<byte[], T> decoded = Collections.synchronizedMap(new WeakHashMap<>());

    public RememberingSerde(Serde<T> encoding) {
        this.encoding = encoding;
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> inner = encoding.serializer();
        return (topic, value) -> {
            byte[] bytes = inner.serialize(topic, value);
            if (bytes != null) {
                decoded.put(bytes, value);
            }
            return bytes;
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> inner = encoding.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            T known = decoded.get(bytes);
            if (known != null) {
                return known;
            }
            T value = inner.deserialize(topic, bytes);
            decoded.put(bytes, value);
            return value;
        };
    }

    /** How many arrays are remembered now, for tests. */
    int remembered() {
        return decoded.size();
    }
}
