package io.handoff.slack.rest;

/**
 * A request body that is not JSON of the expected shape. Raised by the resource itself so that every such body,
 * whatever Jackson exception it caused, is answered by {@link ProblemMappers} and not by a framework default.
 */
public class UnreadableBodyException extends RuntimeException {

    public UnreadableBodyException(Throwable cause) {
        super("unreadable request body", cause, false, false);
    }
}
