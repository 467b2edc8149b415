package io.handoff.router.service;

import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.router.messaging.Channels;
import io.handoff.router.persistence.FollowUpRepository;
import io.handoff.router.persistence.FollowUpRepository.DueReminder;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends the SLA follow-up: when nobody has taken an escalation over within the chatbot's response
 * time, one reminder email goes to the backup contacts (or the email recipients). Due reminders wait in
 * the database, so they survive restarts, and each is claimed by one replica at a time.
 */
@ApplicationScoped
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class);

    private final FollowUpRepository followUps;
    private final InboxLinks inboxLinks;
    private final RouterConfig config;
    private final MutinyEmitter<NotifyEmail> email;

    public ReminderScheduler(FollowUpRepository followUps, InboxLinks inboxLinks, RouterConfig config,
                             @Channel(Channels.NOTIFY_EMAIL) MutinyEmitter<NotifyEmail> email) {
        this.followUps = followUps;
        this.inboxLinks = inboxLinks;
        this.config = config;
        this.email = email;
    }

    @Scheduled(every = "${handoff.router.reminders.poll-interval:5s}", delayed = "${handoff.router.reminders.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDueReminders() {
        for (DueReminder due : followUps.claimDueReminders(config.reminders().batchSize(), config.reminders().lease())) {
            send(due);
        }
    }

    /** Sends one claimed reminder; its ids are derived from the escalation, so a second send is recognisable. */
    void send(DueReminder due) {
        String escalationId = due.escalation().escalationId();
        String deliveryId = DeliveryIds.ofReminder(escalationId, DeliveryChannel.EMAIL, String.join(";", due.recipients()), 1);
        Instant now = Instant.now();
        NotifyEmail reminder = new NotifyEmail(null,
                UUID.nameUUIDFromBytes(("event|" + deliveryId).getBytes(StandardCharsets.UTF_8)).toString(), now,
                deliveryId, due.escalation(), inboxLinks.of(due.escalation()), true, due.recipients(),
                due.escalation().conversation().locale(), null);
        email.sendMessageAndAwait(KafkaRecord.of(escalationId, reminder));
        followUps.markReminderSent(escalationId, deliveryId, now);
        LOG.infof("escalation %s unanswered within its response time; reminder sent to %d contact(s)",
                escalationId, due.recipients().size());
    }
}
