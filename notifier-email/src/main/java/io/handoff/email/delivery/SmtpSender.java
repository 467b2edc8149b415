package io.handoff.email.delivery;

import io.handoff.email.config.EmailConfig;
import io.handoff.email.mail.EscalationEmailComposer;
import io.handoff.events.notify.NotifyEmail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Sends the message for one recipient once, and says how it went; never throws for SMTP trouble. */
@ApplicationScoped
public class SmtpSender {

    private final EscalationEmailComposer composer;
    private final Duration timeout;

    public SmtpSender(EscalationEmailComposer composer, EmailConfig config) {
        this.composer = composer;
        this.timeout = config.sendTimeout();
    }

    public SendOutcome send(NotifyEmail command, String recipient) {
        return send(composer.compose(command, recipient));
    }

    /** Sends a message composed elsewhere (an alert to a chatbot's admins). */
    public SendOutcome send(MailTemplateInstance message) {
        try {
            message.send().await().atMost(timeout);
            return SendOutcome.delivered();
        } catch (RuntimeException e) {
            return SmtpFailures.classify(e);
        }
    }
}
