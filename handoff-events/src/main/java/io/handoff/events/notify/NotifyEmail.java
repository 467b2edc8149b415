package io.handoff.events.notify;

import io.handoff.events.escalation.EscalationCreated;

import java.time.Instant;
import java.util.List;

/**
 * Email the escalation. One message goes to each recipient, so recipients never see each other.
 *
 * @param locale         language of the email; English when null or unknown
 * @param expectedResponseMinutes the response time promised to the visitor, when the chatbot sets one
 */
public record NotifyEmail(String type, String eventId, Instant occurredAt, String deliveryId,
                          EscalationCreated escalation, String inboxUrl, boolean reminder,
                          List<String> recipients, String locale, Integer expectedResponseMinutes)
        implements NotifyCommand, EmailCommand {

    public static final String TYPE = "notify.email";

    public NotifyEmail {
        type = TYPE;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
