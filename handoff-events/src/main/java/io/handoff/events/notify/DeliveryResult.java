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
 */
public record DeliveryResult(String type, String eventId, Instant occurredAt, String escalationId,
                             String deliveryId, DeliveryChannel channel, String target,
                             DeliveryStatus status, int attempt, String detail) implements Event {

    public static final String TYPE = "delivery.result";

    public DeliveryResult {
        type = TYPE;
    }

    /** A report about {@code command}, stamped now with a fresh event id. */
    public static DeliveryResult of(NotifyCommand command, DeliveryChannel channel, String target,
                                    DeliveryStatus status, int attempt, String detail) {
        return new DeliveryResult(TYPE, UUID.randomUUID().toString(), Instant.now(),
                command.escalation().escalationId(), command.deliveryId(), channel, target, status, attempt, detail);
    }
}
