package io.handoff.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/**
 * A JSON serde for a service's own state (Kafka Streams stores and changelogs). Events from other
 * services go through {@link EventDecoder} instead, which validates them.
 *
 * <p>State is read and written once per record, so its mapper handles instants by hand (see
 * {@link IsoInstants}); otherwise it is the event mapper, and the JSON is the same.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper STATE_MAPPER = EventJson.mapper().copy().registerModule(IsoInstants.module());

    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this.reader = STATE_MAPPER.readerFor(type);
        this.writer = STATE_MAPPER.writer();
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new SerializationException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
            }
        };
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
