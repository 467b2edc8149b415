package io.handoff.events.settings;

/**
 * Slack notifications.
 *
 * @param teamId  the connected workspace; null means the default installation
 * @param channel channel id or name the bot has been invited to
 */
public record SlackSettings(Boolean enabled, String teamId, String channel) {

    public SlackSettings {
        enabled = enabled != null && enabled;
    }

    public static SlackSettings off() {
        return new SlackSettings(false, null, null);
    }
}
