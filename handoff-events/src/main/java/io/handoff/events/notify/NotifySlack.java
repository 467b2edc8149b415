package io.handoff.events.notify;

import io.handoff.events.escalation.EscalationCreated;

import java.time.Instant;

/**
 * Post the escalation to a Slack channel of the chatbot's connected workspace.
 *
 * @param teamId the Slack workspace; null means the notifier's default installation
 */
public record NotifySlack(String type, String eventId, Instant occurredAt, String deliveryId,
                          EscalationCreated escalation, String inboxUrl, boolean reminder,
                          String teamId, String channel) implements NotifyCommand {

    public static final String TYPE = "notify.slack";

    public NotifySlack {
        type = TYPE;
    }
}
