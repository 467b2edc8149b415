package io.handoff.events.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads and writes instants in the one form the project writes them, {@code 2026-02-09T12:00:00.250Z}
 * ({@link Instant#toString()}, ISO-8601 in UTC), by hand rather than through the general
 * {@code java.time} formatter, which is most of the cost of reading a stored conversation with its
 * twenty timestamped lines. Anything else (offsets, epoch numbers, years past 9999, leap seconds)
 * goes to the standard Jackson (de)serializer, so the results are the same in every case.
 */
final class IsoInstants {

    private IsoInstants() {
    }

    static SimpleModule module() {
        return new SimpleModule("iso-instants")
                .addDeserializer(Instant.class, new Reader())
                .addSerializer(Instant.class, new Writer());
    }

    /** The instant {@code text} spells as yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z, or null for any other text. */
    static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@link Instant#toString()} for years 1970 to 9999, or null for other instants. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= 253_402_300_800L) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int secondOfDay = (int) (seconds % 86_400);
        int nanos = instant.getNano();
        char[] out = new char[30];
        int at = put(out, 0, date.getYear(), 4);
        out[at++] = '-';
        at = put(out, at, date.getMonthValue(), 2);
        out[at++] = '-';
        at = put(out, at, date.getDayOfMonth(), 2);
        out[at++] = 'T';
        at = put(out, at, secondOfDay / 3_600, 2);
        out[at++] = ':';
        at = put(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = put(out, at, secondOfDay % 60, 2);
        if (nanos != 0) {
            out[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                at = put(out, at, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                at = put(out, at, nanos / 1_000, 6);
            } else {
                at = put(out, at, nanos, 9);
            }
        }
        out[at++] = 'Z';
        return new String(out, 0, at);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static final class Reader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = parse(p.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }

    private static final class Writer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            String text = serializers.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    || serializers.getConfig().hasExplicitTimeZone() ? null : format(value);
            if (text == null) {
                InstantSerializer.INSTANCE.serialize(value, gen, serializers);
            } else {
                gen.writeString(text);
            }
        }

        @Override
        public Class<Instant> handledType() {
            return Instant.class;
        }
    }
}
