package io.handoff.gateway;

/**
 * The session table could not be read or written (database down, pool exhausted). The message names
 * what failed and the SQL state, never row contents, because it ends up in dead-letter headers.
 */
public class SessionStoreException extends RuntimeException {

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
