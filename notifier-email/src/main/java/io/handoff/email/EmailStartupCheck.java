package io.handoff.email;

import io.handoff.email.delivery.EmailDeliveries;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Warns at start when the retry schedule can hold a command longer than the Kafka connector tolerates
 * an unacknowledged record: the connector would then report the application unhealthy while it is
 * only waiting to retry.
 */
@ApplicationScoped
class EmailStartupCheck {

    private static final Logger LOG = Logger.getLogger(EmailStartupCheck.class);

    void check(@Observes StartupEvent event, EmailDeliveries deliveries,
               @ConfigProperty(name = "mp.messaging.incoming.notify-email.throttled.unprocessed-record-max-age.ms")
               Optional<Long> maxAgeMs,
               @ConfigProperty(name = "handoff.email.send-timeout") Duration sendTimeout) {
        long maxAge = maxAgeMs.orElse(60_000L);
        Duration held = deliveries.schedule().longestTotalWait()
                .plus(sendTimeout.multipliedBy(deliveries.schedule().maxAttempts()));
        if (maxAge > 0 && held.toMillis() >= maxAge) {
            LOG.warnf("retries can hold a command for %d s, more than the %d s the notify-email channel allows "
                    + "(throttled.unprocessed-record-max-age.ms); raise it or shorten handoff.email.retry.delays",
                    held.toSeconds(), maxAge / 1000);
        }
    }
}
