package io.handoff.router.service;

import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.WebhookSettings;
import io.handoff.router.messaging.SettingsPublisher;
import io.handoff.router.persistence.SettingsRepository;
import io.handoff.router.persistence.StoredSettings;
import io.handoff.router.persistence.WebhookHealthRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Saves validated settings and announces every change at once. */
@ApplicationScoped
public class SettingsService {

    private final SettingsRepository repository;
    private final SettingsPublisher publisher;
    private final WebhookTargetCheck webhookTargets;
    private final SlackConnectionCheck slackConnections;
    private final WebhookHealthRepository webhookHealth;

    public SettingsService(SettingsRepository repository, SettingsPublisher publisher, WebhookTargetCheck webhookTargets,
                           SlackConnectionCheck slackConnections, WebhookHealthRepository webhookHealth) {
        this.repository = repository;
        this.webhookHealth = webhookHealth;
        this.publisher = publisher;
        this.webhookTargets = webhookTargets;
        this.slackConnections = slackConnections;
    }

    public Optional<StoredSettings> find(String chatbotId) {
        return repository.find(chatbotId);
    }

    /**
     * Replaces the settings. A request without a signing secret keeps the one already stored (secrets
     * are write-only, so clients cannot send it back); an empty string removes it. Slack can only be
     * enabled for a chatbot whose Slack workspace is connected.
     */
    public StoredSettings replace(String chatbotId, ChatbotSettings requested) {
        List<FieldProblem> problems = new ArrayList<>(SettingsValidator.check(requested));
        String url = requested.webhook().url();
        if (url != null && problems.stream().noneMatch(p -> p.field().equals("webhook.url"))) {
            webhookTargets.refusal(url).ifPresent(why -> problems.add(new FieldProblem("webhook.url", why)));
        }
        problems.addAll(slackConnections.problems(chatbotId, requested.slack()));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        Optional<WebhookSettings> before = repository.find(chatbotId).map(s -> s.settings().webhook());
        String secret = requested.webhook().signingSecret();
        if (secret == null) {
            secret = before.map(WebhookSettings::signingSecret).orElse(null);
        }
        WebhookSettings webhook = new WebhookSettings(requested.webhook().enabled(), requested.webhook().url(), null, false)
                .withSigningSecret(secret == null || secret.isEmpty() ? null : secret);
        StoredSettings saved = repository.save(chatbotId, requested.withWebhook(webhook));
        // a new endpoint, or webhooks turned on again, starts healthy
        if (before.isPresent() && (!Objects.equals(before.get().url(), webhook.url())
                || (webhook.enabled() && !before.get().enabled()))) {
            webhookHealth.clear(chatbotId);
        }
        publisher.publish(saved);
        return saved;
    }

    /**
     * Switches webhooks off because the endpoint at {@code url} answered {@code 410 Gone}: the owner's
     * settings otherwise stay as they are, and turning webhooks on again is theirs to do. Empty when the
     * settings no longer send webhooks to that URL (they were changed or deleted meanwhile).
     */
    public Optional<StoredSettings> disableWebhook(String chatbotId, String url) {
        Optional<StoredSettings> stored = repository.find(chatbotId);
        if (stored.isEmpty() || !stored.get().settings().webhook().enabled()
                || !url.equals(stored.get().settings().webhook().url())) {
            return Optional.empty();
        }
        ChatbotSettings settings = stored.get().settings();
        WebhookSettings webhook = settings.webhook();
        StoredSettings saved = repository.save(chatbotId, settings.withWebhook(
                new WebhookSettings(false, webhook.url(), null, false).withSigningSecret(webhook.signingSecret())));
        publisher.publish(saved);
        return Optional.of(saved);
    }

    public boolean delete(String chatbotId) {
        boolean existed = repository.delete(chatbotId);
        if (existed) {
            publisher.publishDeletion(chatbotId);
        }
        return existed;
    }
}
