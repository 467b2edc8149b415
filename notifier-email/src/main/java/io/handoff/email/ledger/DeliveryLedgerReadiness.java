package io.handoff.email.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the delivery ledger has caught up: until then a redelivered command could not be
 * recognised, so commands wait, and a rolling deployment should wait too.
 */
@Readiness
@ApplicationScoped
public class DeliveryLedgerReadiness implements HealthCheck {

    private final DeliveredLedger ledger;

    public DeliveryLedgerReadiness(DeliveredLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("email-delivery-ledger")
                .status(ledger.isCaughtUp())
                .withData("knownDeliveries", ledger.size())
                .build();
    }
}
