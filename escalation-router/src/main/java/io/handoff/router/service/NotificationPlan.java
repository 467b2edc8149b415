package io.handoff.router.service;

import io.handoff.events.directive.EscalationConfirmed;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryIds;
import io.handoff.events.notify.NotifyCommand;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.events.notify.NotifySlack;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.events.settings.ChatbotSettings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides, from a chatbot's settings at this moment, who is told about an escalation and what the
 * visitor is told.
 *
 * <p>Every id in the plan is derived from the escalation, so planning the same escalation twice (after
 * a redelivery) yields the same commands and receivers can drop the repeat.
 */
public final class NotificationPlan {

    private final List<NotifyCommand> commands;
    private final EscalationConfirmed confirmation;

    private NotificationPlan(List<NotifyCommand> commands, EscalationConfirmed confirmation) {
        this.commands = List.copyOf(commands);
        this.confirmation = confirmation;
    }

    public List<NotifyCommand> commands() {
        return commands;
    }

    /** What to show the visitor, or null when nobody could be notified. */
    public EscalationConfirmed confirmation() {
        return confirmation;
    }

    /**
     * @param emailRecipients who gets the email: all recipients, or the one round robin chose, as
     *                        recorded with the escalation
     */
    public static NotificationPlan of(ChatbotSettings settings, EscalationCreated escalation, String inboxUrl,
                                      List<String> emailRecipients, Instant now) {
        if (!settings.escalationsEnabled()) {
            return new NotificationPlan(List.of(), null);
        }
        String escalationId = escalation.escalationId();
        List<NotifyCommand> commands = new ArrayList<>();
        if (settings.email().enabled() && !emailRecipients.isEmpty()) {
            String deliveryId = DeliveryIds.of(escalationId, DeliveryChannel.EMAIL, String.join(";", emailRecipients));
            commands.add(new NotifyEmail(null, eventId(deliveryId), now, deliveryId, escalation, inboxUrl, false,
                    emailRecipients, escalation.conversation().locale(), settings.responseSlaMinutes()));
        }
        if (settings.slack().enabled() && settings.slack().channel() != null) {
            String deliveryId = DeliveryIds.of(escalationId, DeliveryChannel.SLACK, settings.slack().channel());
            commands.add(new NotifySlack(null, eventId(deliveryId), now, deliveryId, escalation, inboxUrl, false,
                    settings.slack().teamId(), settings.slack().channel()));
        }
        if (settings.webhook().enabled() && settings.webhook().url() != null) {
            String deliveryId = DeliveryIds.of(escalationId, DeliveryChannel.WEBHOOK, settings.webhook().url());
            commands.add(new NotifyWebhook(null, eventId(deliveryId), now, deliveryId, escalation, inboxUrl, false,
                    settings.webhook().url(), settings.webhook().signingSecret()));
        }
        EscalationConfirmed confirmation = commands.isEmpty() ? null : new EscalationConfirmed(null,
                eventId("confirmed|" + escalationId), now, escalation.chatbot(), escalation.conversation(),
                escalationId, confirmationText(settings, escalation), settings.responseSlaMinutes(), true);
        return new NotificationPlan(commands, confirmation);
    }

    static String confirmationText(ChatbotSettings settings, EscalationCreated escalation) {
        String text = settings.textsFor(escalation.conversation().locale()).confirmation();
        Integer minutes = settings.responseSlaMinutes();
        if (minutes == null) {
            return text.replace("within {minutes} minutes", "as soon as possible").replace("{minutes}", "a few");
        }
        return text.replace("{minutes}", Integer.toString(minutes));
    }

    private static String eventId(String seed) {
        return UUID.nameUUIDFromBytes(("event|" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
