package io.handoff.webhook.delivery;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.webhook.WebhookConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs due retries from the delivery log. Waiting happens in the database, not on a Kafka partition,
 * so a retry never holds up other deliveries and survives a restart. Each retry runs on its own thread
 * from a bounded pool, so an endpoint that hangs delays only itself.
 */
@ApplicationScoped
public class RetryPoller {

    private static final Logger LOG = Logger.getLogger(RetryPoller.class);

    private final DeliveryLog log;
    private final WebhookDeliveries deliveries;
    private final WebhookConfig config;
    private final EventDecoder decoder = new EventDecoder();
    private final ExecutorService pool;
    private final Semaphore free;

    public RetryPoller(DeliveryLog log, WebhookDeliveries deliveries, WebhookConfig config) {
        this.log = log;
        this.deliveries = deliveries;
        this.config = config;
        this.pool = Executors.newFixedThreadPool(config.retry().concurrency(), r -> {
            Thread t = new Thread(r, "webhook-retry");
            t.setDaemon(true);
            return t;
        });
        this.free = new Semaphore(config.retry().concurrency());
    }

    // a retry reports its outcome on Kafka, whose emitters are connected while the application starts
    @Scheduled(every = "${handoff.webhook.retry.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void runDueRetries() {
        int capacity = free.availablePermits();
        if (capacity == 0) {
            return;
        }
        List<DeliveryRecord> due = log.claimDue(capacity, config.retry().lease());
        for (DeliveryRecord record : due) {
            free.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    NotifyWebhook command = decoder.decode(record.command(), NotifyWebhook.class);
                    deliveries.attempt(command, record.attempts() + 1);
                } catch (InvalidEventException e) {
                    LOG.errorf("stored webhook %s is unreadable: %s", record.deliveryId(), e.getMessage());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "retry of webhook %s failed; it is due again when its lease ends", record.deliveryId());
                } finally {
                    free.release();
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(config.timeout().toSeconds() + 1, TimeUnit.SECONDS);
    }
}
