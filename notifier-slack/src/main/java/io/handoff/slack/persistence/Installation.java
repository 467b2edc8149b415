package io.handoff.slack.persistence;

import java.time.Instant;

/**
 * A workspace the Slack app is installed in, with the bot token a chatbot's connection posts with.
 * {@link #toString()} leaves the token out.
 */
public record Installation(String teamId, String teamName, String botUserId, String botToken, Instant installedAt) {

    @Override
    public String toString() {
        return "Installation[teamId=" + teamId + ", teamName=" + teamName + ", botUserId=" + botUserId
                + ", botToken=<redacted>, installedAt=" + installedAt + "]";
    }
}
