package io.handoff.email.alert;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.CheckedTemplate;

/** The alert emails' templates, checked at build time. */
@CheckedTemplate(basePath = "AlertMail")
public final class AlertMail {

    private AlertMail() {
    }

    /** {@code templates/AlertMail/webhook.html} and {@code .txt}: a webhook endpoint failing or switched off. */
    public static native MailTemplate.MailTemplateInstance webhook(AlertMailView mail);
}
