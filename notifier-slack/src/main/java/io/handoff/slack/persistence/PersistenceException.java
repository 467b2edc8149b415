package io.handoff.slack.persistence;

/** The database could not be read or written; the caller decides whether to retry or fail. */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
