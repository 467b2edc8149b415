package io.handoff.events.notify;


import java.time.Instant;
import java.util.List;

/**
 * Email a chatbot's administrators about a problem with its setup, such as a webhook endpoint that
 * keeps failing. On {@code handoff.notify.email} beside {@link NotifyEmail}, keyed by chatbot id.
 *
 * @param alertId    the same for every copy of this alert (the router derives it from chatbot, kind and
 *                   since), so a redelivered command emails nobody twice
 * @param target     what the alert is about, without secrets: the webhook URL
 * @param detail     the last failure in words ("HTTP 503", "no answer within 10000 ms"); never a secret
 * @param since      when the endpoint was marked failing or disabled
 * @param recipients the chatbot's admin contacts
 * @param locale     language of the email; English when null or unknown
 */
public record NotifyAlert(String type, String eventId, Instant occurredAt, String alertId, String chatbotId,
                          String chatbotName, AlertKind kind, String target, String detail, Instant since,
                          List<String> recipients, String locale) implements EmailCommand {

    public static final String TYPE = "notify.alert";

    public NotifyAlert {
        type = TYPE;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    @Override
    public String deliveryId() {
        return alertId;
    }
}
