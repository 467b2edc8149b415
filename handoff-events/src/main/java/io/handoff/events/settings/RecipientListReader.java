package io.handoff.events.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads recipients either as owners type them in the dashboard ({@code "a@x.com;b@y.com"}) or as a
 * JSON array. Blank entries are dropped; each address is trimmed.
 */
public final class RecipientListReader extends JsonDeserializer<List<String>> {

    @Override
    public List<String> deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return split(parser.getText());
        }
        if (token == JsonToken.START_ARRAY) {
            List<String> result = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return castFailure(parser, ctx);
                }
                result.addAll(split(parser.getText()));
            }
            return result;
        }
        return castFailure(parser, ctx);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castFailure(JsonParser parser, DeserializationContext ctx) throws IOException {
        return (List<String>) ctx.handleUnexpectedToken(List.class, parser);
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split("[;,]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
