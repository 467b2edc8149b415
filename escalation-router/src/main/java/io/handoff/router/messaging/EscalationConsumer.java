package io.handoff.router.messaging;

import io.handoff.events.directive.EscalationConfirmed;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.NotifyCommand;
import io.handoff.events.notify.EmailCommand;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.events.notify.NotifySlack;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.router.persistence.EscalationRepository;
import io.handoff.router.persistence.EscalationRepository.Status;
import io.handoff.router.persistence.SettingsRepository;
import io.handoff.router.persistence.SlackConnectionRepository;
import io.handoff.router.persistence.StoredSettings;
import io.handoff.router.persistence.StoredSlackConnection;
import io.handoff.router.service.NotificationPlan;
import io.handoff.router.service.InboxLinks;
import io.handoff.router.service.RouterMetrics;
import io.handoff.telemetry.LogIds;
import io.handoff.telemetry.tracing.TracedWork;
import io.handoff.telemetry.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes each {@code escalation.created} to the channels its chatbot has enabled and confirms to the
 * visitor.
 *
 * <p>The escalation is recorded first; commands are sent and acknowledged by the broker before the
 * escalation is marked routed and the input acknowledged. A crash in between makes the event come back,
 * and the plan it yields carries the same ids, so the repeat is recognisable downstream.
 *
 * <p>An enabled channel that cannot be used (Slack, when the chatbot's workspace was disconnected
 * after Slack was enabled) is left out, logged at WARN and noted on the escalation for tracking.
 */
@ApplicationScoped
public class EscalationConsumer {

    private static final Logger LOG = Logger.getLogger(EscalationConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final EscalationRepository escalations;
    private final SettingsRepository settings;
    private final SlackConnectionRepository slackConnections;
    private final InboxLinks inboxLinks;
    private final RouterMetrics metrics;
    private final Tracing tracing;
    private final MutinyEmitter<EmailCommand> email;
    private final MutinyEmitter<NotifySlack> slack;
    private final MutinyEmitter<NotifyWebhook> webhook;
    private final MutinyEmitter<EscalationConfirmed> directives;

    public EscalationConsumer(EscalationRepository escalations, SettingsRepository settings,
                              SlackConnectionRepository slackConnections, InboxLinks inboxLinks, RouterMetrics metrics, Tracing tracing,
                              @Channel(Channels.NOTIFY_EMAIL) MutinyEmitter<EmailCommand> email,
                              @Channel(Channels.NOTIFY_SLACK) MutinyEmitter<NotifySlack> slack,
                              @Channel(Channels.NOTIFY_WEBHOOK) MutinyEmitter<NotifyWebhook> webhook,
                              @Channel(Channels.DIRECTIVES) MutinyEmitter<EscalationConfirmed> directives) {
        this.escalations = escalations;
        this.settings = settings;
        this.slackConnections = slackConnections;
        this.inboxLinks = inboxLinks;
        this.metrics = metrics;
        this.tracing = tracing;
        this.email = email;
        this.slack = slack;
        this.webhook = webhook;
        this.directives = directives;
    }

    /**
     * Escalations are routed side by side on worker threads ({@code ordered = false}) rather than one after
     * another: routing one waits for the database and for the broker's acknowledgements (about 7 ms, 30 under
     * load), and when several escalations came at once, the last waited for all those before it (up to 117 ms
     * in the pipeline benchmark). Nothing depends on their order: each escalation is recorded once by its id
     * (a redelivery is recognised), the round-robin cursor moves in one database statement, and the channel
     * commits an offset only once every record before it has been handled.
     *
     * <p>The pool's size ({@code smallrye.messaging.worker.escalation-routing.max-concurrency}) bounds how
     * many escalations are routed at once, and so how many database connections their claims hold.
     */
    @Incoming(Channels.ESCALATIONS)
    @Blocking(value = "escalation-routing", ordered = false)
    public void route(ConsumerRecord<String, String> record) throws InvalidEventException {
        // the commands and the confirmation sent while routing carry this span's trace context on
        try (TracedWork work = tracing.receiving(record.topic(), record.headers())) {
            try {
                EscalationCreated escalation = decoder.decode(record.value(), EscalationCreated.class);
                work.attribute("handoff.escalation.id", escalation.escalationId())
                        .attribute("handoff.conversation.id", escalation.conversation().key());
                try (LogIds ids = LogIds.of(escalation)) {
                    route(escalation);
                }
            } catch (InvalidEventException | RuntimeException e) {
                work.failed(e);
                throw e;
            }
        }
    }

    private void route(EscalationCreated escalation) {
        ChatbotSettings chatbot = settings.find(escalation.chatbot().key())
                .map(StoredSettings::settings)
                .orElse(null);
        EscalationRepository.Received received = escalations.recordReceived(escalation,
                chatbot == null ? null : chatbot.email());
        if (received.status() != Status.RECEIVED) {
            LOG.debugf("escalation %s was already %s", escalation.escalationId(), received.status());
            return;
        }
        StoredSlackConnection slackConnection = chatbot != null && chatbot.escalationsEnabled() && chatbot.slack().enabled()
                ? slackConnections.find(escalation.chatbot().key()).orElse(null)
                : null;
        // everything read from the database is read before the claim: while it is held, routing needs no other
        // connection, so claims can never take up the whole pool and wait on each other
        try (EscalationRepository.Claim claim = escalations.claim(escalation.escalationId())) {
            if (claim.status() != Status.RECEIVED) {
                LOG.debugf("escalation %s was %s by another router meanwhile", escalation.escalationId(), claim.status());
                return;
            }
            route(escalation, chatbot, received, slackConnection, claim);
        }
    }

    private void route(EscalationCreated escalation, ChatbotSettings chatbot, EscalationRepository.Received received,
                       StoredSlackConnection slackConnection, EscalationRepository.Claim claim) {
        metrics.received(escalation);
        if (chatbot == null || !chatbot.escalationsEnabled()) {
            String why = chatbot == null ? "the chatbot has no settings" : "escalations are off for the chatbot";
            LOG.warnf("escalation %s of chatbot %s not routed: %s", escalation.escalationId(), escalation.chatbot().key(), why);
            claim.markUnrouted(why);
            metrics.unrouted();
            return;
        }
        NotificationPlan plan = NotificationPlan.of(chatbot, escalation, inboxLinks.of(escalation), received.emailRecipients(),
                slackConnection, Instant.now());
        String skipped = plan.skipped().isEmpty() ? null : String.join("; ", plan.skipped());
        if (skipped != null) {
            LOG.warnf("escalation %s of chatbot %s: %s", escalation.escalationId(), escalation.chatbot().key(), skipped);
        }
        List<Uni<Void>> sends = new ArrayList<>();
        for (NotifyCommand command : plan.commands()) {
            sends.add(send(command));
        }
        if (plan.confirmation() != null) {
            sends.add(directives.sendMessage(tracing.traced(KafkaRecord.of(escalation.conversation().key(), plan.confirmation()))));
        }
        // handed to the producers together, so no channel waits for another's acknowledgement; all of them are
        // acknowledged before the escalation is marked routed
        if (!sends.isEmpty()) {
            Uni.join().all(sends).andCollectFailures().await().indefinitely();
        }
        if (plan.commands().isEmpty()) {
            claim.markUnrouted(skipped != null ? skipped : "no channel is enabled");
            metrics.unrouted();
        } else {
            claim.markRouted(new EscalationRepository.Routing(
                    plan.closedUntil() == null ? null : plan.closedUntil().toInstant(),
                    plan.reminder() == null ? null : plan.reminder().dueAt(),
                    plan.reminder() == null ? List.of() : plan.reminder().recipients(),
                    plan.slack() == null ? null : plan.slack().teamId(),
                    plan.slack() == null ? null : plan.slack().channel(),
                    skipped));
            metrics.routed(plan.commands());
        }
        LOG.infof("escalation %s routed to %d channel(s)", escalation.escalationId(), plan.commands().size());
    }

    /** The command's send, not yet started: it starts when the returned Uni is subscribed to. */
    private Uni<Void> send(NotifyCommand command) {
        String key = command.escalation().escalationId();
        if (command instanceof NotifyEmail e) {
            return email.sendMessage(tracing.traced(KafkaRecord.of(key, e)));
        } else if (command instanceof NotifySlack s) {
            return slack.sendMessage(tracing.traced(KafkaRecord.of(key, s)));
        } else if (command instanceof NotifyWebhook w) {
            return webhook.sendMessage(tracing.traced(KafkaRecord.of(key, w)));
        }
        throw new IllegalArgumentException("no channel for " + command.getClass().getSimpleName());
    }
}
