package io.handoff.events.notify;

import io.handoff.events.Event;

import java.time.Instant;
import java.util.UUID;

/**
 * A notifier's report of one attempt, on {@code handoff.deliveries} keyed by escalation id.
 *
 * @param target  where it went, without secrets: an email address, a Slack channel, a webhook URL
 * @param attempt 1 for the first attempt
 * @param detail  a short human-readable reason (HTTP status, SMTP reply); never a secret
 * @param targetState what the failure says about the target itself, on a {@code failed} report; else null
 */
public record DeliveryResult(String type, String eventId, Instant occurredAt, String escalationId,
                             String deliveryId, DeliveryChannel channel, String target,
                             DeliveryStatus status, int attempt, String detail, TargetState targetState)
        implements Event {

    public static final String TYPE = "delivery.result";

    public DeliveryResult {
        type = TYPE;
    }

    /** A report that says nothing about the target beyond this attempt. */
    public DeliveryResult(String type, String eventId, Instant occurredAt, String escalationId, String deliveryId,
                          DeliveryChannel channel, String target, DeliveryStatus status, int attempt, String detail) {
        this(type, eventId, occurredAt, escalationId, deliveryId, channel, target, status, attempt, detail, null);
    }

    /** A report about {@code command}, stamped now with a fresh event id. */
    public static DeliveryResult of(NotifyCommand command, DeliveryChannel channel, String target,
                                    DeliveryStatus status, int attempt, String detail) {
        return of(command, channel, target, status, attempt, detail, null);
    }

    /** A report about {@code command} that also tells what the failure says about the target. */
    public static DeliveryResult of(NotifyCommand command, DeliveryChannel channel, String target,
                                    DeliveryStatus status, int attempt, String detail, TargetState targetState) {
        return new DeliveryResult(TYPE, UUID.randomUUID().toString(), Instant.now(),
                command.escalation().escalationId(), command.deliveryId(), channel, target, status, attempt, detail,
                targetState);
    }
}
