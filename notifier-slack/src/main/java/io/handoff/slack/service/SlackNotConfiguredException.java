package io.handoff.slack.service;

/** The operator has not configured what a feature needs (the Slack app's credentials). */
public class SlackNotConfiguredException extends RuntimeException {

    public SlackNotConfiguredException(String message) {
        super(message);
    }
}
