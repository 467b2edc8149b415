package io.handoff.slack.persistence;

import java.time.Instant;

/** Where a chatbot's escalations are posted: a workspace and the channel chosen when connecting. */
public record Connection(String chatbotId, String teamId, String teamName, String channelId, String channelName,
                         Instant connectedAt) {
}
