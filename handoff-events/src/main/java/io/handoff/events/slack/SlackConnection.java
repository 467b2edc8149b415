package io.handoff.events.slack;

import io.handoff.events.Event;

import java.time.Instant;

/**
 * A chatbot has a connected Slack workspace, on the compacted {@code handoff.slack-connections}
 * topic keyed by chatbot id; a tombstone means it was disconnected. notifier-slack owns the
 * installations and publishes this so other services (the settings API) know Slack is usable
 * without ever seeing a token.
 *
 * @param channelId the channel chosen when connecting; messages go there unless settings name another
 */
public record SlackConnection(String type, String eventId, Instant occurredAt, String chatbotId,
                              String teamId, String teamName, String channelId, String channelName)
        implements Event {

    public static final String TYPE = "slack.connection";

    public SlackConnection {
        type = TYPE;
    }
}
