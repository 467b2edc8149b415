package io.handoff.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.handoff.events.Event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns raw record values into events, checking each against its JSON Schema first.
 *
 * <p>A consumer never crashes on bad input: anything that is not valid comes back as an
 * {@link InvalidEventException} whose message says what is wrong, for the dead-letter record.
 */
public final class EventDecoder {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(
                    "https://handoff.io/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private final ObjectMapper mapper;

    public EventDecoder() {
        this(EventJson.mapper());
    }

    public EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Decodes a value that must be one of the subtypes of {@code expected} (for example any
     * {@code ConversationEvent}, or exactly {@code NotifyWebhook}).
     */
    public <T extends Event> T decode(byte[] value, Class<T> expected) throws InvalidEventException {
        if (value == null) {
            throw new InvalidEventException("empty record value");
        }
        return decode(new String(value, StandardCharsets.UTF_8), expected);
    }

    public <T extends Event> T decode(String value, Class<T> expected) throws InvalidEventException {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("malformed JSON: " + e.getOriginalMessage());
        }
        return decode(node, expected);
    }

    public <T extends Event> T decode(JsonNode node, Class<T> expected) throws InvalidEventException {
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("an event must be a JSON object");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new InvalidEventException("$.type: required string is missing");
        }
        String type = typeNode.asText();
        Class<? extends Event> actual = EventCatalog.classOf(type)
                .filter(expected::isAssignableFrom)
                .orElseThrow(() -> new InvalidEventException("$.type: '" + type + "' is not an event accepted here"));
        Set<ValidationMessage> problems = schemaFor(type).validate(node);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(type + " does not match its schema: " + problems.stream()
                    .map(ValidationMessage::getMessage)
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        try {
            return expected.cast(mapper.treeToValue(node, actual));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(type + " could not be read: " + e.getMessage());
        }
    }

    private static JsonSchema schemaFor(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            String resource = EventCatalog.schemaResource(t);
            try (InputStream in = EventDecoder.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no schema on the classpath at " + resource);
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
