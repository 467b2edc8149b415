package io.handoff.router.service;

import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.EmailCommand;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.events.notify.NotifySlack;
import io.handoff.router.messaging.Channels;
import io.handoff.router.persistence.FollowUpRepository;
import io.handoff.router.persistence.FollowUpRepository.DueReminder;
import io.handoff.router.persistence.SettingsRepository;
import io.handoff.router.persistence.SlackConnectionRepository;
import io.handoff.router.persistence.StoredSlackConnection;
import io.handoff.telemetry.LogIds;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the SLA follow-up: when nobody has taken an escalation over within the chatbot's response
 * time, one reminder email goes to the backup contacts (or the email recipients), and, when the
 * escalation was posted on Slack, one reminder in its Slack thread. Due reminders wait in the
 * database, so they survive restarts, and each is claimed by one replica at a time.
 */
@ApplicationScoped
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class);

    private final FollowUpRepository followUps;
    private final SettingsRepository settings;
    private final SlackConnectionRepository slackConnections;
    private final InboxLinks inboxLinks;
    private final RouterConfig config;
    private final RouterMetrics metrics;
    private final MutinyEmitter<EmailCommand> email;
    private final MutinyEmitter<NotifySlack> slack;

    public ReminderScheduler(FollowUpRepository followUps, SettingsRepository settings,
                             SlackConnectionRepository slackConnections, InboxLinks inboxLinks, RouterConfig config,
                             RouterMetrics metrics,
                             @Channel(Channels.NOTIFY_EMAIL) MutinyEmitter<EmailCommand> email,
                             @Channel(Channels.NOTIFY_SLACK) MutinyEmitter<NotifySlack> slack) {
        this.followUps = followUps;
        this.settings = settings;
        this.slackConnections = slackConnections;
        this.inboxLinks = inboxLinks;
        this.config = config;
        this.metrics = metrics;
        this.email = email;
        this.slack = slack;
    }

    @Scheduled(every = "${handoff.router.reminders.poll-interval:5s}", delayed = "${handoff.router.reminders.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // the reminders' emitters are connected while the application starts; a run before that would fail
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDueReminders() {
        for (DueReminder due : followUps.claimDueReminders(config.reminders().batchSize(), config.reminders().lease())) {
            try (LogIds ids = LogIds.of(due.escalation())) {
                send(due);
            }
        }
    }

    /**
     * Sends one claimed reminder; its ids are derived from the escalation, so a second send (by another
     * replica after this one died before marking it sent) is recognisable downstream.
     */
    void send(DueReminder due) {
        String escalationId = due.escalation().escalationId();
        Instant now = Instant.now();
        String emailDeliveryId = null;
        if (!due.recipients().isEmpty()) {
            emailDeliveryId = DeliveryIds.ofReminder(escalationId, DeliveryChannel.EMAIL, String.join(";", due.recipients()), 1);
            NotifyEmail reminder = new NotifyEmail(null, eventId(emailDeliveryId), now, emailDeliveryId, due.escalation(),
                    inboxLinks.of(due.escalation()), true, due.recipients(), due.escalation().conversation().locale(), null);
            email.sendMessageAndAwait(KafkaRecord.of(escalationId, reminder));
            metrics.reminded(DeliveryChannel.EMAIL);
        }
        String slackDeliveryId = null;
        if (due.slackChannel() != null) {
            Optional<String> refusal = slackRefusal(due);
            if (refusal.isPresent()) {
                LOG.warnf("escalation %s: no Slack reminder, %s", escalationId, refusal.get());
            } else {
                slackDeliveryId = DeliveryIds.ofReminder(escalationId, DeliveryChannel.SLACK, due.slackChannel(), 1);
                NotifySlack reminder = new NotifySlack(null, eventId(slackDeliveryId), now, slackDeliveryId, due.escalation(),
                        inboxLinks.of(due.escalation()), true, due.slackTeamId(), due.slackChannel());
                slack.sendMessageAndAwait(KafkaRecord.of(escalationId, reminder));
                metrics.reminded(DeliveryChannel.SLACK);
            }
        }
        followUps.markReminderSent(escalationId, emailDeliveryId, slackDeliveryId, now);
        if (emailDeliveryId == null && slackDeliveryId == null) {
            LOG.warnf("escalation %s unanswered within its response time; nobody left to remind", escalationId);
        } else {
            LOG.infof("escalation %s unanswered within its response time; reminder sent to %d contact(s)%s",
                    escalationId, due.recipients().size(), slackDeliveryId == null ? "" : " and its Slack thread");
        }
    }

    /**
     * Why the Slack reminder must not go out although the escalation was posted on Slack: the owner has
     * turned Slack off since, or the workspace it was posted in is no longer connected (the thread
     * cannot be reached).
     */
    private Optional<String> slackRefusal(DueReminder due) {
        String chatbotId = due.escalation().chatbot().key();
        boolean enabled = settings.find(chatbotId).map(s -> s.settings().slack().enabled()).orElse(false);
        if (!enabled) {
            return Optional.of("Slack is no longer enabled for chatbot " + chatbotId);
        }
        Optional<StoredSlackConnection> connection = slackConnections.find(chatbotId);
        if (connection.isEmpty()) {
            return Optional.of("chatbot " + chatbotId + " has no connected Slack workspace any more");
        }
        if (due.slackTeamId() != null && !due.slackTeamId().equals(connection.get().teamId())) {
            return Optional.of("chatbot " + chatbotId + " is now connected to another Slack workspace");
        }
        return Optional.empty();
    }

    private static String eventId(String deliveryId) {
        return UUID.nameUUIDFromBytes(("event|" + deliveryId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
