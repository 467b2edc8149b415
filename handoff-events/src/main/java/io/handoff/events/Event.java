package io.handoff.events;

import java.time.Instant;

/**
 * What every event on every topic carries: a {@code type} that names its schema, an {@code eventId}
 * that is unique per event (consumers dedupe on it) and the time it happened.
 */
public interface Event {

    String type();

    String eventId();

    Instant occurredAt();
}
