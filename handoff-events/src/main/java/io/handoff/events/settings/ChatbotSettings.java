package io.handoff.events.settings;

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
 * @param texts              visitor-facing texts by locale ({@code "en"}, {@code "de"} ...)
 */
public record ChatbotSettings(String name, Boolean escalationsEnabled, HandoffLevel handoffLevel,
                              Boolean offerFirst, Boolean emailRequired, DetectionRules detection,
                              EmailSettings email, SlackSettings slack, WebhookSettings webhook,
                              Integer responseSlaMinutes, Map<String, VisitorTexts> texts) {

    public ChatbotSettings {
        escalationsEnabled = escalationsEnabled == null || escalationsEnabled;
        handoffLevel = handoffLevel == null ? HandoffLevel.BALANCED : handoffLevel;
        offerFirst = offerFirst == null || offerFirst;
        emailRequired = emailRequired == null || emailRequired;
        detection = detection == null ? DetectionRules.defaults() : detection;
        email = email == null ? EmailSettings.off() : email;
        slack = slack == null ? SlackSettings.off() : slack;
        webhook = webhook == null ? WebhookSettings.off() : webhook;
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }

    /** Settings for a chatbot nobody configured: escalations on, no channel enabled. */
    public static ChatbotSettings defaults() {
        return new ChatbotSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same settings with another webhook block (used to attach or strip the secret). */
    public ChatbotSettings withWebhook(WebhookSettings newWebhook) {
        return new ChatbotSettings(name, escalationsEnabled, handoffLevel, offerFirst, emailRequired, detection,
                email, slack, newWebhook, responseSlaMinutes, texts);
    }

    /**
     * The texts for a locale: an exact match ({@code pt-BR}), then the language ({@code pt}), then
     * English; whatever the owner left out comes from the built-in English texts.
     */
    public VisitorTexts textsFor(String locale) {
        VisitorTexts configured = null;
        if (locale != null) {
            configured = texts.get(locale);
            if (configured == null) {
                configured = texts.get(Locale.forLanguageTag(locale).getLanguage());
            }
        }
        if (configured == null) {
            configured = texts.get("en");
        }
        return configured == null ? VisitorTexts.ENGLISH : configured.orElse(VisitorTexts.ENGLISH);
    }
}
