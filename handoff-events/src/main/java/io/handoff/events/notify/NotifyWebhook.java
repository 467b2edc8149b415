package io.handoff.events.notify;

import io.handoff.events.escalation.EscalationCreated;

import java.time.Instant;

/**
 * POST the escalation to a third party's URL, signed with {@code signingSecret} when one is set.
 *
 * <p>The secret travels only on {@code handoff.notify.webhook}, which only the router writes and only
 * the webhook notifier reads; it is never part of {@link #toString()}.
 */
public record NotifyWebhook(String type, String eventId, Instant occurredAt, String deliveryId,
                            EscalationCreated escalation, String inboxUrl, boolean reminder,
                            String url, String signingSecret) implements NotifyCommand {

    public static final String TYPE = "notify.webhook";

    public NotifyWebhook {
        type = TYPE;
    }

    @Override
    public String toString() {
        return "NotifyWebhook[deliveryId=" + deliveryId + ", escalationId=" + escalation.escalationId()
                + ", url=" + url + ", signingSecret=" + (signingSecret == null ? "none" : "***") + "]";
    }
}
