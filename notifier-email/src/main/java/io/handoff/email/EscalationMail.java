package io.handoff.email;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.CheckedTemplate;

/** The escalation email's templates, checked against {@link EscalationMailView} at build time. */
@CheckedTemplate(basePath = "EscalationMail")
public final class EscalationMail {

    private EscalationMail() {
    }

    /** {@code templates/EscalationMail/escalation.html} and {@code .txt}: one message with both parts. */
    public static native MailTemplate.MailTemplateInstance escalation(EscalationMailView mail);
}
