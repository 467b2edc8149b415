package io.handoff.events.json;

import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/**
 * A JSON serde for a service's own state (Kafka Streams stores and changelogs). Events from other
 * services go through {@link EventDecoder} instead, which validates them.
 */
public final class JsonSerde<T> implements Serde<T> {

    private final ObjectReader reader;

    public JsonSerde(Class<T> type) {
        this.reader = EventJson.mapper().readerFor(type);
    }

    @Override
    public Serializer<T> serializer() {
        EventSerializer writer = new EventSerializer();
        return writer::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("cannot read stored state from " + topic, e);
            }
        };
    }
}
