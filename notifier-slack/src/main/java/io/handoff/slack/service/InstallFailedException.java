package io.handoff.slack.service;

/** The OAuth install could not be completed; the person in the browser is told why. */
public class InstallFailedException extends RuntimeException {

    public InstallFailedException(String message) {
        super(message);
    }
}
