package io.handoff.email.alert;

import io.handoff.email.mail.MailLanguage;
import io.handoff.events.notify.AlertKind;
import io.handoff.events.notify.NotifyAlert;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an alert into the message one admin contact gets. It is marked as automatic, so that an
 * out-of-office reply does not answer it, and carries the alert id for whoever files such mail.
 */
@ApplicationScoped
public class AlertEmailComposer {

    public MailTemplateInstance compose(NotifyAlert alert, String recipient) {
        MailLanguage language = MailLanguage.of(alert.locale());
        AlertMessages msg = messages(language);
        String chatbot = AlertMailView.chatbotName(alert);
        String subject = alert.kind() == AlertKind.WEBHOOK_DISABLED ? msg.subjectDisabled(chatbot) : msg.subjectFailing(chatbot);
        Mail mail = new Mail().addTo(recipient).setSubject(subject);
        mail.addHeader("Auto-Submitted", "auto-generated");
        mail.addHeader("X-Auto-Response-Suppress", "All");
        mail.addHeader("X-Handoff-Alert-Id", alert.alertId());
        return AlertMail.webhook(AlertMailView.of(alert)).mail(mail)
                .setAttribute(MessageBundles.ATTRIBUTE_LOCALE, language.locale());
    }

    static AlertMessages messages(MailLanguage language) {
        return language == MailLanguage.EN
                ? MessageBundles.get(AlertMessages.class)
                : MessageBundles.get(AlertMessages.class, Localized.Literal.of(language.tag()));
    }
}
