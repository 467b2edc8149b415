package io.handoff.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "handoff.webhook")
public interface WebhookConfig {

    /** A delivery succeeds only on a 2xx answer within this time. */
    @WithDefault("10s")
    Duration timeout();

    /** Sent as {@code User-Agent} so receivers can recognise us. */
    @WithDefault("Handoff-Webhook/1.0")
    String userAgent();
}
