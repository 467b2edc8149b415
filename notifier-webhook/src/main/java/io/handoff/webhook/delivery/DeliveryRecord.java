package io.handoff.webhook.delivery;

import java.time.Instant;

/** A row of the delivery log: where one delivery stands. {@code command} is the JSON to retry with. */
public record DeliveryRecord(String deliveryId, String escalationId, String url, String command, Status status,
                             int attempts, Instant nextAttemptAt, String lastError, Instant updatedAt) {

    public enum Status { DELIVERED, RETRY_SCHEDULED, FAILED }
}
