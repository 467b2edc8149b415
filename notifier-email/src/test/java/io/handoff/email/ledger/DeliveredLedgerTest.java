package io.handoff.email.ledger;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveredLedgerTest {

    @Test
    void aDeliveredRecipientCannotBeClaimedAgainWhateverTheCaseOfTheAddress() {
        DeliveredLedger ledger = new DeliveredLedger(10);
        assertThat(ledger.claim("d-1", "ana@acme.example")).isTrue();
        ledger.markDelivered("d-1", "ana@acme.example");
        assertThat(ledger.claim("d-1", "Ana@Acme.example")).isFalse();
        assertThat(ledger.claim("d-2", "ana@acme.example")).as("another delivery, e.g. a reminder").isTrue();
    }

    @Test
    void aRecipientBeingSentIsLeftToItsSenderAndFreeAgainWhenReleased() {
        DeliveredLedger ledger = new DeliveredLedger(10);
        assertThat(ledger.claim("d-1", "ana@acme.example")).isTrue();
        assertThat(ledger.claim("d-1", "ana@acme.example")).isFalse();
        ledger.release("d-1", "ana@acme.example");
        assertThat(ledger.claim("d-1", "ana@acme.example")).isTrue();
    }

    @Test
    void deliveriesReportedByAnyInstanceAreRecognised() {
        DeliveredLedger ledger = new DeliveredLedger(10);
        ledger.recordDelivered("d-1", "bo@acme.example");
        assertThat(ledger.isDelivered("d-1", "bo@acme.example")).isTrue();
        assertThat(ledger.claim("d-1", "bo@acme.example")).isFalse();
    }

    @Test
    void pastItsSizeTheOldestDeliveriesAreForgotten() {
        DeliveredLedger ledger = new DeliveredLedger(3);
        for (int i = 1; i <= 5; i++) {
            ledger.recordDelivered("d-" + i, "ana@acme.example");
        }
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(ledger.isDelivered("d-1", "ana@acme.example")).isFalse();
        assertThat(ledger.isDelivered("d-2", "ana@acme.example")).isFalse();
        assertThat(ledger.isDelivered("d-5", "ana@acme.example")).isTrue();
    }

    @Test
    void waitingForTheCatchUpStopsAfterTheFirstTimeout() throws Exception {
        DeliveredLedger ledger = new DeliveredLedger(10);
        assertThat(ledger.awaitCaughtUp(Duration.ofMillis(50))).isFalse();
        long start = System.nanoTime();
        assertThat(ledger.awaitCaughtUp(Duration.ofSeconds(10))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        ledger.markCaughtUp();
        assertThat(ledger.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
        assertThat(ledger.isCaughtUp()).isTrue();
    }
}
