package io.handoff.slack.service;

/**
 * A Slack call that did not succeed. {@code permanent} failures (a missing channel, a revoked token)
 * need an operator; the others ran out of attempts while Slack was unavailable.
 */
public class SlackFailure extends Exception {

    private final boolean permanent;

    public SlackFailure(String reason, boolean permanent) {
        super(reason);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
