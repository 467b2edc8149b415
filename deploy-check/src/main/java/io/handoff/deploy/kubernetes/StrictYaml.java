package io.handoff.deploy.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into a typed model and refuses anything the model does not know.
 *
 * <p>The fabric8 and Strimzi models keep unknown fields in an "additional properties" map instead of
 * failing, which would let a misspelt field ({@code readinessprobe}, {@code patterntype}) pass. Here
 * that map is switched off, so Jackson fails on an unknown field; and after reading, the typed object
 * is written back and every field of the document must be found in it with the same value, which
 * catches what a model turns into null (an unknown enum value such as {@code operations: [Reed]}).
 */
public final class StrictYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return false;
                }
            });
    /** Writes every property back, defaults included: a model leaves out a value equal to its default. */
    private static final ObjectMapper JSON = new ObjectMapper().setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
            return JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
        }
    });

    private StrictYaml() {
    }

    /** The documents of a YAML stream, empty ones left out. */
    public static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException | RuntimeException e) {
            // MappingIterator reports a syntax error in a later document as a RuntimeException.
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /** {@code document} as a {@code type}, failing on any field the type does not have. */
    public static <T> T read(JsonNode document, Class<T> type) {
        T value;
        try {
            value = STRICT.treeToValue(document, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()), e);
        }
        List<String> lost = new ArrayList<>();
        JsonNode written = JSON.valueToTree(value);
        // The apiVersion is the caller's choice of model; the models write their own newest one.
        ObjectNode compared = document.deepCopy();
        compared.remove("apiVersion");
        compare("", compared, written, lost);
        if (!lost.isEmpty()) {
            throw new IllegalArgumentException("not understood by " + type.getSimpleName() + ": " + String.join(", ", lost));
        }
        return value;
    }

    /** Collects the paths of {@code expected} whose value {@code actual} does not have. */
    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> lost) {
        if (actual == null || actual.isMissingNode()) {
            lost.add(path.isEmpty() ? "/" : path);
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                lost.add(path + " (" + expected + " read as " + actual + ")");
                return;
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!field.getValue().isNull()) {
                    compare(path + "/" + field.getKey(), field.getValue(), actual.get(field.getKey()), lost);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                lost.add(path + " (" + expected + " read as " + actual + ")");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "/" + i, expected.get(i), actual.get(i), lost);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                lost.add(path + " (" + expected + " read as " + actual + ")");
            }
        } else if (!expected.asText().equals(actual.asText()) || expected.isTextual() != actual.isTextual()) {
            lost.add(path + " (" + expected + " read as " + actual + ")");
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
