package io.handoff.email.mail;

import io.handoff.email.config.EmailConfig;
import io.handoff.events.notify.NotifyEmail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Turns a command into the message one recipient gets: template, language, subject and headers.
 *
 * <p>Headers that matter to the people involved:
 * <ul>
 *   <li>{@code To}: only this recipient; colleagues get messages of their own.</li>
 *   <li>{@code Reply-To}: the visitor, when their address is known, so replying by mail reaches them.</li>
 *   <li>{@code Message-ID}, and for a reminder {@code In-Reply-To}/{@code References}: the same thread
 *       as the first email, computed, so no state is needed (see {@link MessageIds}).</li>
 *   <li>{@code Auto-Submitted: auto-generated} and {@code X-Auto-Response-Suppress}: an agent's
 *       out-of-office reply must not go to the visitor through {@code Reply-To}.</li>
 * </ul>
 */
@ApplicationScoped
public class EscalationEmailComposer {

    private final MessageIds messageIds;

    public EscalationEmailComposer(EmailConfig config,
                                   @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from) {
        this.messageIds = new MessageIds(config.messageIdDomain().orElseGet(() -> MessageIds.domainOf(from.orElse(null))));
    }

    /** The message to {@code recipient}, ready to send. */
    public MailTemplateInstance compose(NotifyEmail command, String recipient) {
        MailLanguage language = MailLanguage.of(command.locale());
        EmailMessages msg = messages(language);
        EscalationMailView view = EscalationMailView.of(command, msg);
        String escalationId = command.escalation().escalationId();
        String original = messageIds.original(escalationId, recipient);

        Mail mail = new Mail().addTo(recipient).setSubject(subject(command, msg));
        mail.addHeader("Auto-Submitted", "auto-generated");
        mail.addHeader("X-Auto-Response-Suppress", "All");
        mail.addHeader("X-Handoff-Escalation-Id", escalationId);
        mail.addHeader("X-Handoff-Delivery-Id", command.deliveryId());
        if (command.reminder()) {
            mail.addHeader("Message-ID", messageIds.reminder(command.deliveryId(), recipient));
            mail.addHeader("In-Reply-To", original);
            mail.addHeader("References", original);
        } else {
            mail.addHeader("Message-ID", original);
        }
        if (view.visitorReachable()) {
            mail.setReplyTo(view.visitorEmail());
        }
        MailTemplateInstance template = command.reminder() ? EscalationMail.reminder(view) : EscalationMail.escalation(view);
        // The locale attribute makes {msg:...} in the templates resolve to the same language.
        return template.mail(mail).setAttribute(MessageBundles.ATTRIBUTE_LOCALE, language.locale());
    }

    /**
     * The seed's subject ("My Chatbot: Visitor needs human assistance"); a reminder answers it with
     * "Re: " so clients that thread by subject put it with the first email too.
     */
    static String subject(NotifyEmail command, EmailMessages msg) {
        String chatbot = EscalationMailView.chatbotName(command.escalation()).replaceAll("[\\r\\n\\t]+", " ").trim();
        String subject = msg.subject(chatbot);
        return command.reminder() ? "Re: " + subject : subject;
    }

    /** The bundle in {@code language}; English is the bundle's default, the others are localized files. */
    static EmailMessages messages(MailLanguage language) {
        return language == MailLanguage.EN
                ? MessageBundles.get(EmailMessages.class)
                : MessageBundles.get(EmailMessages.class, Localized.Literal.of(language.tag()));
    }
}
