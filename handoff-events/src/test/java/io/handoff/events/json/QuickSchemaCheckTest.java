package io.handoff.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.handoff.events.EventContractTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class QuickSchemaCheckTest {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    /** Values a producer might put anywhere by mistake. */
    private static final List<JsonNode> ODD_VALUES = List.of(NullNode.instance, TextNode.valueOf(""),
            TextNode.valueOf(" "), TextNode.valueOf("x"), TextNode.valueOf("visitor"), TextNode.valueOf("agent"),
            TextNode.valueOf("2026-02-09T12:00:00Z"), TextNode.valueOf("2026-02-09 12:00"),
            TextNode.valueOf("\uD83D\uDE00"), IntNode.valueOf(-1), IntNode.valueOf(0), IntNode.valueOf(7),
            LongNode.valueOf(1L << 40), DoubleNode.valueOf(0.5), DoubleNode.valueOf(1.0), DoubleNode.valueOf(1.5),
            BooleanNode.TRUE, JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode());

    @Test
    void passesTheSampleOfEveryEventType() throws Exception {
        for (String type : EventCatalog.types()) {
            JsonNode event = written(type);
            assertThat(check(type, event)).as(type).isEqualTo(QuickSchemaCheck.Verdict.VALID);
        }
    }

    /** The check may leave a valid event to the full validator, but never pass one the full validator refuses. */
    @Test
    void passesNothingTheFullValidatorRefuses() throws Exception {
        Random random = new Random(11);
        int refused = 0;
        for (String type : EventCatalog.types()) {
            JsonNode sample = written(type);
            for (int i = 0; i < 400; i++) {
                JsonNode event = sample.deepCopy();
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    edit(event, random);
                }
                boolean valid = EventDecoder.schemaFor(type).validate(event).isEmpty();
                if (!valid) {
                    refused++;
                    assertThat(check(type, event)).as("%s %s", type, event).isNotEqualTo(QuickSchemaCheck.Verdict.VALID);
                }
            }
        }
        assertThat(refused).isGreaterThan(1000);
    }

    /** The sample as a consumer reads it: written to JSON text and parsed back, as the decoder does. */
    private static JsonNode written(String type) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(EventContractTest.sample(type)));
    }

    private static QuickSchemaCheck.Verdict check(String type, JsonNode event) {
        String file = EventCatalog.schemaResource(type).substring("/schemas/".length());
        return new QuickSchemaCheck(MAPPER, file).check(event);
    }

    /** Removes a member, replaces it with an odd value, or adds one, somewhere in the event. */
    private static void edit(JsonNode event, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(event, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        JsonNode odd = ODD_VALUES.get(random.nextInt(ODD_VALUES.size())).deepCopy();
        if (names.isEmpty() || random.nextInt(6) == 0) {
            target.set("extra" + random.nextInt(3), odd);
            return;
        }
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(4) == 0) {
            target.remove(name);
        } else {
            target.set(name, odd);
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
            object.elements().forEachRemaining(child -> collect(child, objects));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, objects));
        }
    }
}
