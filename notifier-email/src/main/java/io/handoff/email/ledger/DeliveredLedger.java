package io.handoff.email.ledger;

import io.handoff.email.config.EmailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The (delivery id, recipient) pairs already emailed, so a command Kafka delivers again (after a
 * crash, a rebalance, or the router repeating itself) does not email anyone twice.
 *
 * <p>The notifier has no database: {@code handoff.deliveries} is the record of what was sent. This
 * instance's own successes go in at once; {@link DeliveriesFollower} adds those of every instance,
 * including earlier runs of this one, from the topic. The ledger is bounded: past
 * {@code maxEntries} the oldest pairs are forgotten, which only matters for a command redelivered
 * after that many newer emails.
 *
 * <p>A pair being sent right now is "claimed", so a second copy of the command handled concurrently
 * leaves that recipient to the first one, which retries, reports and dead-letters it as needed.
 */
@ApplicationScoped
public class DeliveredLedger {

    private final int maxEntries;
    private final Map<String, Boolean> delivered;
    private final Set<String> claimed = new HashSet<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean stoppedWaiting;

    @Inject
    public DeliveredLedger(EmailConfig config) {
        this(config.ledger().maxEntries());
    }

    public DeliveredLedger(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        // Insertion order, eldest evicted: what was delivered longest ago is the least likely to come back.
        this.delivered = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > DeliveredLedger.this.maxEntries;
            }
        };
    }

    /**
     * Takes the pair for sending. False when it was delivered already or another thread is sending it,
     * in which case the caller must not send.
     */
    public synchronized boolean claim(String deliveryId, String recipient) {
        String key = key(deliveryId, recipient);
        if (delivered.containsKey(key) || claimed.contains(key)) {
            return false;
        }
        claimed.add(key);
        return true;
    }

    /** The claimed pair was accepted by the SMTP server. */
    public synchronized void markDelivered(String deliveryId, String recipient) {
        String key = key(deliveryId, recipient);
        claimed.remove(key);
        delivered.put(key, Boolean.TRUE);
    }

    /** The claimed pair was not delivered (it failed for good, or the attempt was abandoned). */
    public synchronized void release(String deliveryId, String recipient) {
        claimed.remove(key(deliveryId, recipient));
    }

    /** A delivery reported on {@code handoff.deliveries}, by this instance or another. */
    public synchronized void recordDelivered(String deliveryId, String recipient) {
        delivered.put(key(deliveryId, recipient), Boolean.TRUE);
    }

    public synchronized boolean isDelivered(String deliveryId, String recipient) {
        return delivered.containsKey(key(deliveryId, recipient));
    }

    public synchronized int size() {
        return delivered.size();
    }

    /** The follower has read the topic up to where it ended when this instance started. */
    public void markCaughtUp() {
        caughtUp.countDown();
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /**
     * Waits until caught up, at most {@code max}. True when caught up. After one wait has run out, later
     * calls do not wait again: commands go on without the full history rather than stall.
     */
    public boolean awaitCaughtUp(Duration max) throws InterruptedException {
        if (isCaughtUp()) {
            return true;
        }
        if (stoppedWaiting) {
            return false;
        }
        boolean done = caughtUp.await(max.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            stoppedWaiting = true;
        }
        return done;
    }

    private static String key(String deliveryId, String recipient) {
        return deliveryId + "\n" + recipient.trim().toLowerCase(Locale.ROOT);
    }
}
