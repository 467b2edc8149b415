package io.handoff.router.persistence;

/** The database could not do what was asked; the caller answers 503 or lets the message be retried. */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
