package io.handoff.slack.service;

/** Slack could not be asked (network error, 5xx); answered with 502 so the caller tries again later. */
public class SlackUnavailableException extends RuntimeException {

    public SlackUnavailableException(String message) {
        super(message);
    }
}
