package io.handoff.router.persistence;

import java.time.Instant;

/**
 * The Slack workspace connected to a chatbot, as notifier-slack last announced it.
 *
 * @param channelId the channel chosen when connecting; escalations go there unless settings name another
 * @param updatedAt the {@code occurredAt} of the announcement
 */
public record StoredSlackConnection(String chatbotId, String teamId, String teamName, String channelId,
                                    String channelName, Instant updatedAt) {
}
