package io.handoff.router.service;

import io.handoff.events.notify.AlertKind;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.EmailCommand;
import io.handoff.events.notify.NotifyAlert;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.router.messaging.Channels;
import io.handoff.router.persistence.EscalationRepository;
import io.handoff.router.persistence.SettingsRepository;
import io.handoff.router.persistence.StoredSettings;
import io.handoff.router.persistence.WebhookHealthRepository;
import io.handoff.router.persistence.WebhookHealthRepository.State;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Follows what the webhook notifier says about each chatbot's endpoint. An endpoint that failed a
 * delivery's whole retry schedule is marked failing, one that answered {@code 410 Gone} is disabled
 * (webhooks are switched off in the settings); either change emails the chatbot's admin contacts once.
 * A delivered webhook makes a failing endpoint healthy again. The settings API shows the state.
 */
@ApplicationScoped
public class WebhookHealth {

    private static final Logger LOG = Logger.getLogger(WebhookHealth.class);

    private final WebhookHealthRepository health;
    private final EscalationRepository escalations;
    private final SettingsRepository settings;
    private final SettingsService settingsService;
    private final MutinyEmitter<EmailCommand> email;
    private final MeterRegistry metrics;

    public WebhookHealth(WebhookHealthRepository health, EscalationRepository escalations, SettingsRepository settings,
                         SettingsService settingsService, @Channel(Channels.NOTIFY_EMAIL) MutinyEmitter<EmailCommand> email,
                         MeterRegistry metrics) {
        this.health = health;
        this.escalations = escalations;
        this.settings = settings;
        this.settingsService = settingsService;
        this.email = email;
        this.metrics = metrics;
    }

    public Optional<WebhookHealthRepository.Health> of(String chatbotId) {
        return health.find(chatbotId);
    }

    /** A notifier's report; anything but a webhook report is not about an endpoint and is left alone. */
    public void reported(DeliveryResult result) {
        if (result.channel() != DeliveryChannel.WEBHOOK || result.target() == null) {
            return;
        }
        boolean delivered = result.status() == DeliveryStatus.DELIVERED;
        boolean verdict = result.status() == DeliveryStatus.FAILED && result.targetState() != null;
        if (!delivered && !verdict) {
            return;
        }
        Optional<String> chatbotId = escalations.chatbotOf(result.escalationId());
        if (chatbotId.isEmpty()) {
            LOG.debugf("webhook report for unknown escalation %s; no endpoint to update", result.escalationId());
            return;
        }
        String chatbot = chatbotId.get();
        if (delivered) {
            if (health.recovered(chatbot, result.target())) {
                LOG.infof("webhook endpoint of chatbot %s answers again; no longer failing", chatbot);
                count("recovered");
            }
            return;
        }
        Instant now = Instant.now();
        switch (result.targetState()) {
            case GONE -> {
                Optional<StoredSettings> disabled = settingsService.disableWebhook(chatbot, result.target());
                if (disabled.isPresent() && health.mark(chatbot, result.target(), State.DISABLED, result.detail(), now)) {
                    LOG.warnf("webhook endpoint of chatbot %s answered 410 Gone; webhooks are switched off", chatbot);
                    count("disabled");
                    alert(disabled.get().settings(), chatbot, AlertKind.WEBHOOK_DISABLED, result, now);
                }
            }
            case FAILING -> {
                Optional<StoredSettings> stored = settings.find(chatbot);
                if (stored.isPresent() && result.target().equals(stored.get().settings().webhook().url())
                        && health.mark(chatbot, result.target(), State.FAILING, result.detail(), now)) {
                    LOG.warnf("webhook endpoint of chatbot %s failed a whole retry schedule; marked failing", chatbot);
                    count("failing");
                    alert(stored.get().settings(), chatbot, AlertKind.WEBHOOK_FAILING, result, now);
                }
            }
        }
    }

    private void alert(ChatbotSettings chatbotSettings, String chatbotId, AlertKind kind, DeliveryResult result,
                       Instant since) {
        List<String> recipients = chatbotSettings.alertRecipients();
        if (recipients.isEmpty()) {
            LOG.warnf("chatbot %s has no admin contacts, backup contacts or email recipients to tell about its webhook",
                    chatbotId);
            count("unannounced");
            return;
        }
        String alertId = UUID.nameUUIDFromBytes((chatbotId + "\n" + kind + "\n" + since.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8)).toString();
        NotifyAlert alert = new NotifyAlert(null, UUID.randomUUID().toString(), since, alertId, chatbotId,
                chatbotSettings.name(), kind, result.target(), result.detail(), since,
                recipients.subList(0, Math.min(recipients.size(), SettingsValidator.MAX_ADMIN_CONTACTS)), null);
        email.sendMessageAndAwait(KafkaRecord.of(chatbotId, alert));
    }

    private void count(String change) {
        metrics.counter("handoff.router.webhook.endpoint.changes", "change", change).increment();
    }
}
