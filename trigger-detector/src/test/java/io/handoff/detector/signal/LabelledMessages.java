package io.handoff.detector.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled visitor messages, one JSON object per line: {"text": ..., "label": ..., "lang": ...}. */
final class LabelledMessages {

    record LabelledMessage(String text, String label) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledMessages() {
    }

    static List<LabelledMessage> fromClasspath(String resource) {
        try (InputStream in = LabelledMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("Labelled examples not found on the test classpath: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledMessage> parse(List<String> lines) throws IOException {
        List<LabelledMessage> messages = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            messages.add(new LabelledMessage(node.path("text").asText(), node.path("label").asText()));
        }
        return messages;
    }
}
