package io.handoff.router.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.handoff.events.escalation.Signal;

import java.time.Instant;
import java.util.List;

/**
 * An escalation as the tracking API shows it: why it happened, whom the router told, how each channel
 * fared, and how long people took to answer and resolve it.
 *
 * @param status where it stands: {@code RECEIVED} (being routed), {@code UNROUTED} (see {@code note}),
 *               {@code WAITING} (nobody has answered), {@code LIVE} (an agent took over),
 *               {@code RESOLVED} (live chat ended)
 * @param note   why it was not routed, or which enabled channel was left out and why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackedEscalation(String escalationId, String chatbotId, String conversationId, String status,
                                String note, Instant createdAt, Instant routedAt, Signal trigger, List<Signal> signals,
                                String lastMessage, List<String> emailRecipients, Instant closedUntil,
                                Reminder reminder, Instant firstResponseAt, String respondedBy, Instant resolvedAt,
                                List<Delivery> deliveries) {

    /**
     * The SLA follow-up: scheduled for {@code dueAt}, sent at {@code sentAt} (null while not sent).
     *
     * @param recipients      who is reminded by email (empty when only Slack is)
     * @param slackChannel    the Slack channel whose escalation thread is reminded, or null
     * @param deliveryId      the reminder email's delivery id, once sent
     * @param slackDeliveryId the Slack reminder's delivery id, once sent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reminder(Instant dueAt, List<String> recipients, String slackChannel, Instant sentAt, String deliveryId,
                           String slackDeliveryId) {
    }

    /** The latest reported outcome of one delivery. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(String deliveryId, String channel, String target, String status, int attempt,
                           String detail, Instant updatedAt, boolean reminder) {
    }

    /** The lifecycle states the list can be filtered by. */
    public enum State { RECEIVED, UNROUTED, WAITING, LIVE, RESOLVED }
}
