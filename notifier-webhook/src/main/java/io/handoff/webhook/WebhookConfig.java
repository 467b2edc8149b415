package io.handoff.webhook;

import io.handoff.events.access.RoleGroups;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "handoff.webhook")
public interface WebhookConfig {

    /** A delivery succeeds only on a 2xx answer within this time. */
    @WithDefault("10s")
    Duration timeout();

    /** Sent as {@code User-Agent} so receivers can recognise us. */
    @WithDefault("Handoff-Webhook/1.0")
    String userAgent();

    /**
     * Address ranges webhooks may reach although they are not public, e.g. {@code 127.0.0.0/8} for
     * development. Empty in production: only public addresses are reachable.
     */
    Optional<List<String>> allowedNetworks();

    Retry retry();

    Auth auth();

    /** Who may use the operator API (docs/operations.md#failed-webhooks-and-replays). */
    interface Auth {
        /** Only members of this group (the token's {@code groups}), the global administrators, may. */
        @WithDefault(RoleGroups.DEFAULT_ADMIN)
        String adminGroup();
    }

    interface Retry {
        /** The wait before each further attempt; the number of entries is the number of retries. */
        @WithDefault("5s,5m,30m,2h,5h,10h,10h,24h,24h")
        List<Duration> delays();

        /** Each wait is spread by up to this fraction, up or down. */
        @WithDefault("0.2")
        double jitter();

        /** A receiver's Retry-After is honoured up to this long. */
        @WithDefault("24h")
        Duration maxRetryAfter();

        /** How often due retries are looked for. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long a claimed retry is reserved for one instance before another may take it over. */
        @WithDefault("2m")
        Duration lease();

        /** At most this many retries are attempted at the same time by one instance. */
        @WithDefault("16")
        int concurrency();
    }
}
