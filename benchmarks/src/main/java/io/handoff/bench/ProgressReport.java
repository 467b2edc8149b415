package io.handoff.bench;

import io.handoff.events.Topics;

/**
 * A line every ten seconds while a phase runs: events sent, the detector's lag and how many
 * escalations, webhooks and emails have arrived, so a run that falls behind shows it as it happens.
 */
final class ProgressReport implements AutoCloseable {

    private static final long EVERY_MILLIS = 10_000;

    private final Thread reporter;
    private volatile boolean running = true;

    ProgressReport(TrafficProducer producer, GroupOffsets offsets, NotificationArrivals arrivals, TopicArrivals topics) {
        long start = System.nanoTime();
        reporter = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    System.out.printf("  %5.0f s: sent %,9d; detector lag %,7d; escalations %,6d; webhooks %,6d; emails %,6d%n",
                            (System.nanoTime() - start) / 1e9, producer.sent(),
                            offsets.lag(PipelineBenchmark.DETECTOR_GROUP, Topics.CONVERSATION_EVENTS),
                            topics.count(Topics.ESCALATIONS), arrivals.webhookCount(), arrivals.emailCount());
                } catch (RuntimeException e) {
                    System.out.println("  progress not available: " + e.getMessage());
                }
            }
        }, "progress-report");
        reporter.setDaemon(true);
        reporter.start();
    }

    @Override
    public void close() {
        running = false;
        reporter.interrupt();
    }
}
