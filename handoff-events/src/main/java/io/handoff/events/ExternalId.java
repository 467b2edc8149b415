package io.handoff.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.io.IOException;
import java.util.Objects;

/**
 * An identifier that belongs to the upstream chat service (visitor, conversation, chatbot).
 *
 * <p>The upstream may send {@code 123} or {@code "123"}; the webhook contract promises third parties
 * that ids keep the JSON type they were given, so the id remembers whether it was a number and is
 * written back the same way.
 */
@JsonSerialize(using = ExternalId.Writer.class)
@JsonDeserialize(using = ExternalId.Reader.class)
public record ExternalId(String value, boolean numeric) {

    public ExternalId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an id must not be blank");
        }
    }

    public static ExternalId of(String value) {
        return new ExternalId(value, false);
    }

    public static ExternalId of(long value) {
        return new ExternalId(Long.toString(value), true);
    }

    @Override
    public String toString() {
        return value;
    }

    static final class Writer extends JsonSerializer<ExternalId> {
        @Override
        public void serialize(ExternalId id, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (id.numeric()) {
                gen.writeNumber(id.value());
            } else {
                gen.writeString(id.value());
            }
        }
    }

    static final class Reader extends JsonDeserializer<ExternalId> {
        @Override
        public ExternalId deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return new ExternalId(parser.getText(), true);
            }
            if (token == JsonToken.VALUE_STRING) {
                return new ExternalId(parser.getText(), false);
            }
            return (ExternalId) ctx.handleUnexpectedToken(ExternalId.class, parser);
        }
    }
}
