package io.handoff.router.service;

import io.handoff.events.settings.SlackSettings;
import io.handoff.router.persistence.StoredSlackConnection;

/**
 * Where an escalation is posted on Slack: the channel the settings name, else the one chosen when the
 * workspace was connected, in the connected workspace unless the settings name one.
 *
 * @param teamId the Slack workspace
 * @param channel channel id or name
 */
public record SlackTarget(String teamId, String channel) {

    /** The target for a chatbot with a connected workspace. */
    public static SlackTarget of(SlackSettings settings, StoredSlackConnection connection) {
        return new SlackTarget(orElse(settings.teamId(), connection.teamId()),
                orElse(settings.channel(), connection.channelId()));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
