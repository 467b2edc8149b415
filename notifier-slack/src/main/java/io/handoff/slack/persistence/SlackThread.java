package io.handoff.slack.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handoff.events.json.EventJson;
import io.handoff.events.notify.NotifySlack;

import java.time.Instant;

/**
 * The Slack message posted for an escalation. {@code command} is the {@code notify.slack} command as
 * JSON, kept so the message can be redrawn with its new status.
 *
 * @param status {@code open}, {@code claimed} or {@code resolved}
 */
public record SlackThread(String escalationId, String chatbotId, String conversationId, String teamId,
                          String channelId, String threadTs, String command, String status, String statusBy,
                          Instant createdAt) {

    public static final String OPEN = "open";
    public static final String CLAIMED = "claimed";
    public static final String RESOLVED = "resolved";

    /** The command the message was drawn from. */
    public NotifySlack notifyCommand() {
        try {
            return EventJson.mapper().readValue(command, NotifySlack.class);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("the stored message of escalation " + escalationId + " cannot be read", e);
        }
    }
}
