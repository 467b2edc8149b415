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
import io.handoff.events.settings.VisitorTexts;
import io.handoff.router.persistence.StoredSlackConnection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Decides, from a chatbot's settings at this moment, who is told about an escalation and what the
 * visitor is told. An enabled channel that cannot be used (Slack without a connected workspace) is
 * left out and named in {@link #skipped()}.
 *
 * <p>Every id in the plan is derived from the escalation, so planning the same escalation twice (after
 * a redelivery) yields the same commands and receivers can drop the repeat.
 */
public final class NotificationPlan {

    private final List<NotifyCommand> commands;
    private final EscalationConfirmed confirmation;
    private final ZonedDateTime closedUntil;
    private final Reminder reminder;
    private final SlackTarget slack;
    private final List<String> skipped;

    /**
     * Who is reminded, and when, if nobody has answered by then: the email contacts (possibly none)
     * and, when the escalation was posted on Slack, its Slack thread.
     */
    public record Reminder(Instant dueAt, List<String> recipients) {
    }

    private NotificationPlan(List<NotifyCommand> commands, EscalationConfirmed confirmation, ZonedDateTime closedUntil,
                             Reminder reminder, SlackTarget slack, List<String> skipped) {
        this.commands = List.copyOf(commands);
        this.confirmation = confirmation;
        this.closedUntil = closedUntil;
        this.reminder = reminder;
        this.slack = slack;
        this.skipped = List.copyOf(skipped);
    }

    /**
     * The SLA follow-up, or null when the chatbot sets no response time or there is nobody to remind
     * (no email contact and no Slack post). The clock starts when the team opens, so a visitor who
     * wrote at night does not wake anyone.
     */
    public Reminder reminder() {
        return reminder;
    }

    /** When the escalation came outside business hours, the next opening time; otherwise null. */
    public ZonedDateTime closedUntil() {
        return closedUntil;
    }

    public List<NotifyCommand> commands() {
        return commands;
    }

    /** Where the escalation is posted on Slack, or null when it is not. */
    public SlackTarget slack() {
        return slack;
    }

    /** Why an enabled channel was left out, one sentence per channel; empty when none was. */
    public List<String> skipped() {
        return skipped;
    }

    /** What to show the visitor, or null when nobody could be notified. */
    public EscalationConfirmed confirmation() {
        return confirmation;
    }

    /**
     * @param emailRecipients who gets the email: all recipients, or the one round robin chose, as
     *                        recorded with the escalation
     * @param slackConnection the chatbot's connected Slack workspace, or null when there is none
     */
    public static NotificationPlan of(ChatbotSettings settings, EscalationCreated escalation, String inboxUrl,
                                      List<String> emailRecipients, StoredSlackConnection slackConnection, Instant now) {
        if (!settings.escalationsEnabled()) {
            return new NotificationPlan(List.of(), null, null, null, null, List.of());
        }
        String escalationId = escalation.escalationId();
        Opening opening = Opening.of(settings, now);
        List<NotifyCommand> commands = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        SlackTarget slack = null;
        if (settings.email().enabled() && !emailRecipients.isEmpty() && opening.notifies("email")) {
            String deliveryId = DeliveryIds.of(escalationId, DeliveryChannel.EMAIL, String.join(";", emailRecipients));
            commands.add(new NotifyEmail(null, eventId(deliveryId), now, deliveryId, escalation, inboxUrl, false,
                    emailRecipients, escalation.conversation().locale(), settings.responseSlaMinutes()));
        }
        if (settings.slack().enabled() && opening.notifies("slack")) {
            if (slackConnection == null) {
                // enabled while connected (the settings API checks), disconnected since
                skipped.add("Slack is enabled but no Slack workspace is connected to the chatbot");
            } else {
                slack = SlackTarget.of(settings.slack(), slackConnection);
                String deliveryId = DeliveryIds.of(escalationId, DeliveryChannel.SLACK, slack.channel());
                commands.add(new NotifySlack(null, eventId(deliveryId), now, deliveryId, escalation, inboxUrl, false,
                        slack.teamId(), slack.channel()));
            }
        }
        if (settings.webhook().enabled() && settings.webhook().url() != null && opening.notifies("webhook")) {
            String deliveryId = DeliveryIds.of(escalationId, DeliveryChannel.WEBHOOK, settings.webhook().url());
            commands.add(new NotifyWebhook(null, eventId(deliveryId), now, deliveryId, escalation, inboxUrl, false,
                    settings.webhook().url(), settings.webhook().signingSecret()));
        }
        EscalationConfirmed confirmation = commands.isEmpty() ? null : new EscalationConfirmed(null,
                eventId("confirmed|" + escalationId), now, escalation.chatbot(), escalation.conversation(),
                escalationId, confirmationText(settings, escalation.conversation().locale(), opening),
                opening.open() ? settings.responseSlaMinutes() : null, true);
        ZonedDateTime closedUntil = opening.open() ? null : opening.next();
        Reminder reminder = commands.isEmpty() ? null
                : reminder(settings, closedUntil == null ? now : closedUntil.toInstant(), slack != null);
        return new NotificationPlan(commands, confirmation, closedUntil, reminder, slack, skipped);
    }

    private static Reminder reminder(ChatbotSettings settings, Instant clockStarts, boolean postedOnSlack) {
        List<String> recipients = !settings.backupContacts().isEmpty() ? settings.backupContacts()
                : settings.email().enabled() ? settings.email().recipients() : List.of();
        if (settings.responseSlaMinutes() == null || (recipients.isEmpty() && !postedOnSlack)) {
            return null;
        }
        return new Reminder(clockStarts.plus(Duration.ofMinutes(settings.responseSlaMinutes())), recipients);
    }

    /**
     * Inside business hours (or without any), the expected response time; outside them, when the
     * team opens again, in the chatbot's time zone and the visitor's language.
     */
    static String confirmationText(ChatbotSettings settings, String locale, Opening opening) {
        VisitorTexts texts = settings.textsFor(locale);
        if (!opening.open()) {
            String when = opening.next() == null
                    ? "-"
                    : BusinessHours.describe(opening.next(), locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale));
            return texts.closedConfirmation().replace("{opening}", when);
        }
        String text = texts.confirmation();
        Integer minutes = settings.responseSlaMinutes();
        if (minutes == null) {
            return text.replace("within {minutes} minutes", "as soon as possible").replace("{minutes}", "a few");
        }
        return text.replace("{minutes}", Integer.toString(minutes));
    }

    /** Whether the team is there now and, when it is not, when it will be. */
    record Opening(boolean open, ZonedDateTime next, List<String> channelsWhenClosed) {

        static Opening of(ChatbotSettings settings, Instant now) {
            if (settings.businessHours() == null) {
                return new Opening(true, null, List.of());
            }
            BusinessHours hours = BusinessHours.of(settings.businessHours());
            if (hours.isOpen(now)) {
                return new Opening(true, null, List.of());
            }
            return new Opening(false, hours.nextOpening(now).orElse(null), settings.businessHours().channelsWhenClosed()
                    .stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        }

        boolean notifies(String channel) {
            return open || channelsWhenClosed.contains(channel);
        }
    }

    private static String eventId(String seed) {
        return UUID.nameUUIDFromBytes(("event|" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
