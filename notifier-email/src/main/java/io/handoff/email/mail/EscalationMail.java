package io.handoff.email.mail;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.CheckedTemplate;

/**
 * The escalation email's templates, checked against {@link EscalationMailView} and the
 * {@code msg:} bundle at build time. Each is an HTML and a plain-text variant of one message; both
 * include the shared layout in the same folder.
 */
@CheckedTemplate(basePath = "EscalationMail")
public final class EscalationMail {

    private EscalationMail() {
    }

    /** {@code templates/EscalationMail/escalation.html} and {@code .txt}: the first notification. */
    public static native MailTemplate.MailTemplateInstance escalation(EscalationMailView mail);

    /** {@code templates/EscalationMail/reminder.html} and {@code .txt}: the SLA follow-up, "still waiting". */
    public static native MailTemplate.MailTemplateInstance reminder(EscalationMailView mail);
}
