package io.handoff.gateway;

/**
 * An agent command the gateway must not carry out, such as a reply to a conversation another agent
 * holds. The message says why; the command goes to the dead-letter topic with it, so it is never
 * silently dropped.
 */
public class RejectedCommandException extends Exception {

    public RejectedCommandException(String message) {
        super(message);
    }
}
