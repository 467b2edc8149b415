package io.handoff.events.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTest {

    private static final ObjectMapper STANDARD = EventJson.mapper();
    private static final ObjectMapper BY_HAND = EventJson.mapper().copy().registerModule(IsoInstants.module());

    record Stamped(Instant at) {
    }

    @Test
    void writesWhatTheStandardSerializerWrites() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextInt(4) == 0 ? random.nextLong() % 400_000_000_000L : 1_700_000_000L + random.nextInt(1_000_000_000);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Stamped value = new Stamped(Instant.ofEpochSecond(seconds, nanos));
            assertThat(BY_HAND.writeValueAsString(value)).isEqualTo(STANDARD.writeValueAsString(value));
        }
    }

    @Test
    void readsWhatTheStandardDeserializerReadsAndFailsWhereItFails() {
        List<String> values = new ArrayList<>(List.of("\"\"", "\" \"", "123", "123.456", "\"123\"", "null", "true", "{}",
                "\"2026-02-09T12:00:00Z\"", "\"2026-02-09T12:00:00.1Z\"", "\"2026-02-09T12:00:00.123456789Z\"",
                "\"2026-02-09T12:00:00.1234567891Z\"", "\"2026-02-09T12:00:00+02:00\"", "\"2026-02-30T12:00:00Z\"",
                "\"2024-02-29T23:59:59Z\"", "\"2023-02-29T23:59:59Z\"", "\"2026-02-09T23:59:60Z\"", "\"2026-02-09T24:00:00Z\"",
                "\"2026-02-09t12:00:00z\"", "\" 2026-02-09T12:00:00Z \"", "\"0000-01-01T00:00:00Z\"", "\"+10000-01-01T00:00:00Z\"",
                "\"2026-13-09T12:00:00Z\"", "\"2026-02-09T12:00:00.Z\"", "\"2026-02-09T12:00Z\"", "\"2026-02-09T1a:00:00Z\""));
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            values.add("\"" + Instant.ofEpochSecond(random.nextLong() % 300_000_000_000L, random.nextInt(1_000_000_000)) + "\"");
        }
        for (String value : values) {
            String json = "{\"at\":" + value + "}";
            assertThat(read(BY_HAND, json)).as(value).isEqualTo(read(STANDARD, json));
        }
    }

    private static String read(ObjectMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, Stamped.class));
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
