package io.handoff.events.json;

/**
 * An event that cannot be processed: not JSON, an unknown type, or not matching its schema. The
 * message is the reason written to the dead-letter record, so it names the field that is wrong.
 */
public final class InvalidEventException extends Exception {

    public InvalidEventException(String reason) {
        super(reason, null, false, false);
    }
}
