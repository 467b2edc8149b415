package io.handoff.slack.service;

/** A connection request that cannot work, naming the field to fix; answered with a 400 problem. */
public class InvalidConnectionException extends RuntimeException {

    private final String field;

    public InvalidConnectionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
