package io.handoff.email.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The email notifier's own settings. SMTP itself (host, port, TLS, credentials, sender) is configured
 * with the standard {@code quarkus.mailer.*} keys.
 */
@ConfigMapping(prefix = "handoff.email")
public interface EmailConfig {

    /** One message may take this long, connection included, before the attempt counts as failed. */
    @WithDefault("30s")
    Duration sendTimeout();

    /**
     * The domain part of the {@code Message-ID}s we generate. Defaults to the domain of the sender
     * address ({@code quarkus.mailer.from}), which is what receiving servers expect to see.
     */
    Optional<String> messageIdDomain();

    Retry retry();

    Ledger ledger();

    interface Retry {
        /**
         * The wait before each further attempt after a transient failure; the number of entries is the
         * number of retries. The whole schedule must stay below the incoming channel's
         * {@code throttled.unprocessed-record-max-age.ms}, because the command is held meanwhile.
         */
        @WithDefault("2s,10s,30s,60s,120s")
        List<Duration> delays();

        /** Each wait is spread by up to this fraction, up or down, so failures together do not retry together. */
        @WithDefault("0.2")
        double jitter();
    }

    /** What this instance knows was already delivered, so a redelivered command is not emailed twice. */
    interface Ledger {
        /** The delivery reports topic it is filled from (where every notifier instance reports). */
        @WithDefault("handoff.deliveries")
        String topic();

        /** How far back in that topic to read at start. A command older than this is not recognised. */
        @WithDefault("7d")
        Duration lookback();

        /** At most this many (delivery, recipient) pairs are remembered; the oldest are forgotten first. */
        @WithDefault("200000")
        int maxEntries();

        /**
         * Commands wait at most this long at start for the ledger to catch up. After that they are
         * handled anyway: a possible duplicate email is better than no email.
         */
        @WithDefault("2m")
        Duration catchUpTimeout();
    }
}
