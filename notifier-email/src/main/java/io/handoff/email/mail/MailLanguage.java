package io.handoff.email.mail;

import java.util.Locale;

/**
 * The languages escalation emails are written in. A command's locale is a BCP 47 tag from the
 * chatbot or the conversation ({@code pt-BR}, {@code fr_CA}, {@code de}); only its language counts,
 * and anything we have no translation for is written in English.
 */
public enum MailLanguage {
    EN, ES, FR, DE, PT;

    public static MailLanguage of(String localeTag) {
        if (localeTag == null || localeTag.isBlank()) {
            return EN;
        }
        String language = Locale.forLanguageTag(localeTag.trim().replace('_', '-')).getLanguage();
        for (MailLanguage candidate : values()) {
            if (candidate.tag().equals(language)) {
                return candidate;
            }
        }
        return EN;
    }

    /** The language tag, which is also the suffix of the message bundle file ({@code msg_es.properties}). */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }
}
