package io.handoff.webhook;

/**
 * What happened when a webhook was POSTed once.
 *
 * @param status the HTTP status, or 0 when no answer arrived (timeout, connection refused)
 * @param detail a short reason for the delivery report
 */
public record WebhookAttempt(boolean delivered, int status, String detail) {
}
