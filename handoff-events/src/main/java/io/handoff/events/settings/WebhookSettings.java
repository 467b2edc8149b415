package io.handoff.events.settings;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Webhook notifications.
 *
 * <p>The signing secret is write-only: it is read from API requests but never written by Jackson, so
 * neither API responses nor the settings topic ever carry it. {@code signingSecretSet} tells whether
 * one is configured.
 */
public record WebhookSettings(Boolean enabled, String url,
                              @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String signingSecret,
                              Boolean signingSecretSet) {

    public WebhookSettings {
        enabled = enabled != null && enabled;
        signingSecretSet = (signingSecretSet != null && signingSecretSet)
                || (signingSecret != null && !signingSecret.isEmpty());
    }

    public static WebhookSettings off() {
        return new WebhookSettings(false, null, null, false);
    }

    /** The same settings holding {@code secret} (null: none). */
    public WebhookSettings withSigningSecret(String secret) {
        return new WebhookSettings(enabled, url, secret, secret != null && !secret.isEmpty());
    }

    @Override
    public String toString() {
        return "WebhookSettings[enabled=" + enabled + ", url=" + url + ", signingSecretSet=" + signingSecretSet + "]";
    }
}
