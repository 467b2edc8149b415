package io.handoff.webhook.delivery;

import java.time.Duration;

/**
 * What happened when a webhook was POSTed once.
 *
 * @param status     the HTTP status, or 0 when no answer arrived
 * @param detail     a short reason for reports and the dead-letter record; never a secret
 * @param retryAfter the receiver's {@code Retry-After}, when it sent one
 */
public record WebhookAttempt(Outcome outcome, int status, String detail, Duration retryAfter) {

    public enum Outcome {
        /** A 2xx answer in time. */
        DELIVERED,
        /** Worth trying again: timeout, connection failure, 429 or 5xx. */
        RETRYABLE,
        /** Trying again would not help: another 4xx, a redirect, or an address the SSRF policy refuses. */
        PERMANENT,
        /** {@code 410 Gone}: the receiver asks not to be called again, so the endpoint is switched off. */
        GONE
    }

    public static WebhookAttempt of(int status, Duration retryAfter) {
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return new WebhookAttempt(Outcome.DELIVERED, status, detail, null);
        }
        if (status == 429 || status >= 500) {
            return new WebhookAttempt(Outcome.RETRYABLE, status, detail, retryAfter);
        }
        if (status == 410) {
            return new WebhookAttempt(Outcome.GONE, status, detail + " Gone (the endpoint asks not to be called again)", null);
        }
        if (status >= 300 && status < 400) {
            return new WebhookAttempt(Outcome.PERMANENT, status, detail + " (redirects are not followed)", null);
        }
        return new WebhookAttempt(Outcome.PERMANENT, status, detail, null);
    }
}
