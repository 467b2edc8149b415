package io.handoff.events.settings;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a chatbot's owner configures about handoff. The router owns and validates it; every
 * change is published on {@code handoff.chatbot-settings}, so that other services can apply it to the
 * next message without a restart.
 *
 * @param name               shown in notifications ("My Chatbot: Visitor needs human assistance")
 * @param offerFirst         ask the visitor before escalating, instead of escalating at once
 * @param emailRequired      ask for an email when none is known before escalating
 * @param responseSlaMinutes the response time promised to visitors and watched for follow-ups
 * @param backupContacts     who is reminded when nobody answers within the SLA; the email recipients
 *                           when empty
 * @param businessHours      when the team answers; always open when null
 * @param texts              visitor-facing texts by locale ({@code "en"}, {@code "de"} ...)
 * @param adminContacts      who is emailed about problems with the chatbot's setup, such as a webhook
 *                           endpoint that keeps failing; the backup contacts, else the email recipients,
 *                           when empty
 */
public record ChatbotSettings(String name, Boolean escalationsEnabled, HandoffLevel handoffLevel,
                              Boolean offerFirst, Boolean emailRequired, DetectionRules detection,
                              EmailSettings email, SlackSettings slack, WebhookSettings webhook,
                              Integer responseSlaMinutes,
                              @JsonDeserialize(using = RecipientListReader.class) List<String> backupContacts,
                              BusinessHoursSettings businessHours, Map<String, VisitorTexts> texts,
                              @JsonDeserialize(using = RecipientListReader.class) List<String> adminContacts) {

    public ChatbotSettings {
        escalationsEnabled = escalationsEnabled == null || escalationsEnabled;
        handoffLevel = handoffLevel == null ? HandoffLevel.BALANCED : handoffLevel;
        offerFirst = offerFirst == null || offerFirst;
        emailRequired = emailRequired == null || emailRequired;
        detection = detection == null ? DetectionRules.defaults() : detection;
        email = email == null ? EmailSettings.off() : email;
        slack = slack == null ? SlackSettings.off() : slack;
        webhook = webhook == null ? WebhookSettings.off() : webhook;
        backupContacts = backupContacts == null ? List.of() : List.copyOf(backupContacts);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        adminContacts = adminContacts == null ? List.of() : List.copyOf(adminContacts);
    }

    /** Settings without admin contacts of their own. */
    public ChatbotSettings(String name, Boolean escalationsEnabled, HandoffLevel handoffLevel, Boolean offerFirst,
                           Boolean emailRequired, DetectionRules detection, EmailSettings email, SlackSettings slack,
                           WebhookSettings webhook, Integer responseSlaMinutes, List<String> backupContacts,
                           BusinessHoursSettings businessHours, Map<String, VisitorTexts> texts) {
        this(name, escalationsEnabled, handoffLevel, offerFirst, emailRequired, detection, email, slack, webhook,
                responseSlaMinutes, backupContacts, businessHours, texts, null);
    }

    /** Settings for a chatbot nobody configured: escalations on, no channel enabled. */
    public static ChatbotSettings defaults() {
        return new ChatbotSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same settings with another webhook block (used to attach or strip the secret). */
    public ChatbotSettings withWebhook(WebhookSettings newWebhook) {
        return new ChatbotSettings(name, escalationsEnabled, handoffLevel, offerFirst, emailRequired, detection,
                email, slack, newWebhook, responseSlaMinutes, backupContacts, businessHours, texts, adminContacts);
    }

    /** Who hears about problems with the setup: the admin contacts, else the backup contacts, else the email recipients. */
    public List<String> alertRecipients() {
        if (!adminContacts.isEmpty()) {
            return adminContacts;
        }
        return backupContacts.isEmpty() ? email.recipients() : backupContacts;
    }

    /**
     * The texts for a locale: what the owner set for the exact locale ({@code pt-BR}), else for its
     * language ({@code pt}); whatever is left out comes from the built-in texts of that language, or
     * English for a language without built-in texts (where the owner's {@code en} texts apply too).
     */
    public VisitorTexts textsFor(String locale) {
        VisitorTexts builtIn = VisitorTexts.builtInFor(locale);
        VisitorTexts configured = null;
        if (locale != null) {
            configured = texts.get(locale);
            if (configured == null) {
                configured = texts.get(Locale.forLanguageTag(locale).getLanguage());
            }
        }
        if (configured == null && builtIn == VisitorTexts.ENGLISH) {
            configured = texts.get("en");
        }
        return configured == null ? builtIn : configured.orElse(builtIn);
    }
}
