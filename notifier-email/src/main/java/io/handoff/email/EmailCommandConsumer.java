package io.handoff.email;

import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifyEmail;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends one email per recipient for each {@code notify.email} command, so recipients never see each
 * other, and reports every outcome on {@code handoff.deliveries}.
 */
@ApplicationScoped
public class EmailCommandConsumer {

    public static final String COMMANDS = "notify-email";
    public static final String DELIVERIES = "deliveries";

    private static final Logger LOG = Logger.getLogger(EmailCommandConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final MutinyEmitter<DeliveryResult> deliveries;
    private final Duration sendTimeout;

    public EmailCommandConsumer(@Channel(DELIVERIES) MutinyEmitter<DeliveryResult> deliveries,
                                @ConfigProperty(name = "handoff.email.send-timeout", defaultValue = "30s") Duration sendTimeout) {
        this.deliveries = deliveries;
        this.sendTimeout = sendTimeout;
    }

    @Incoming(COMMANDS)
    @Blocking(ordered = false)
    public void deliver(String value) throws InvalidEventException {
        NotifyEmail command = decoder.decode(value, NotifyEmail.class);
        if (command.recipients().isEmpty()) {
            throw new InvalidEventException("notify.email has no recipients");
        }
        EscalationMailView view = EscalationMailView.of(command);
        String subject = view.chatbotName() + ": Visitor needs human assistance";
        for (String recipient : command.recipients()) {
            DeliveryStatus status;
            String detail;
            try {
                var mail = EscalationMail.escalation(view).to(recipient).subject(subject);
                if (view.visitorEmail() != null && !view.visitorEmail().isBlank()) {
                    mail = mail.replyTo(view.visitorEmail());
                }
                mail.send().await().atMost(sendTimeout);
                status = DeliveryStatus.DELIVERED;
                detail = "accepted by SMTP server";
                LOG.infof("escalation %s emailed to %s", command.escalation().escalationId(), recipient);
            } catch (RuntimeException e) {
                status = DeliveryStatus.FAILED;
                detail = "SMTP send failed: " + e.getClass().getSimpleName();
                LOG.warnf("escalation %s could not be emailed to %s: %s", command.escalation().escalationId(),
                        recipient, e.getMessage());
            }
            deliveries.sendMessageAndAwait(KafkaRecord.of(command.escalation().escalationId(),
                    DeliveryResult.of(command, DeliveryChannel.EMAIL, recipient, status, 1, detail)));
        }
    }
}
