package io.handoff.router.rest;

import io.handoff.router.service.FieldProblem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads an instant from a query parameter or a cursor. Java reads years far beyond what PostgreSQL can
 * store ({@code +100000-01-01T00:00:00Z}); such a value would reach the database and come back as a
 * failure that looks like an outage, so anything outside the years 1 to 9999 is the caller's mistake,
 * named as such.
 */
final class QueryInstant {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    static final String EXPECTED = "must be an instant such as 2026-11-23T09:00:00Z, in the years 1 to 9999";

    private QueryInstant() {
    }

    /** The instant, or {@code otherwise} after adding a problem naming {@code name} when it is not one. */
    static Instant parse(String name, String value, List<FieldProblem> problems, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        Instant parsed = parseOrNull(value);
        if (parsed == null) {
            problems.add(new FieldProblem(name, EXPECTED));
            return otherwise;
        }
        return parsed;
    }

    /** The instant, or null when the text is not one within the years 1 to 9999. */
    static Instant parseOrNull(String value) {
        try {
            Instant parsed = Instant.parse(value.trim());
            return parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST) ? null : parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
