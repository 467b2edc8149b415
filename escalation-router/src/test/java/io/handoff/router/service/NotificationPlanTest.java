package io.handoff.router.service;

import io.handoff.events.ConversationRef;
import io.handoff.events.escalation.EscalationCreated;
import io.handoff.events.notify.NotifyCommand;
import io.handoff.events.notify.NotifyEmail;
import io.handoff.events.notify.NotifySlack;
import io.handoff.events.notify.NotifyWebhook;
import io.handoff.events.settings.BusinessHoursSettings;
import io.handoff.events.settings.ChatbotSettings;
import io.handoff.events.settings.EmailSettings;
import io.handoff.events.settings.SlackSettings;
import io.handoff.events.settings.WebhookSettings;
import io.handoff.router.persistence.StoredSlackConnection;
import io.handoff.testing.SampleEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPlanTest {

    private static final StoredSlackConnection CONNECTED = new StoredSlackConnection("bot", "T1", "Acme", "C0CONNECTED",
            "support", Instant.parse("2026-11-01T00:00:00Z"));

    private static final BusinessHoursSettings WEEKDAYS_NINE_TO_FIVE = new BusinessHoursSettings("Europe/Berlin",
            Map.of("monday", List.of("09:00-17:00"), "tuesday", List.of("09:00-17:00"), "wednesday", List.of("09:00-17:00"),
                    "thursday", List.of("09:00-17:00"), "friday", List.of("09:00-17:00")), List.of(), null);

    private static ChatbotSettings allChannels(BusinessHoursSettings hours) {
        return new ChatbotSettings("My Chatbot", true, null, false, false, null,
                new EmailSettings(true, List.of("ana@support.test"), false),
                new SlackSettings(true, "T1", "C1"),
                new WebhookSettings(true, "https://crm.example.com/hook", "secret", false),
                20, null, hours, null);
    }

    private static EscalationCreated escalation(String locale) {
        EscalationCreated e = SampleEvents.escalation("bot", 42, "I need a person");
        return new EscalationCreated(null, e.eventId(), e.occurredAt(), e.escalationId(), e.chatbot(),
                new ConversationRef(e.conversation().id(), "web", locale), e.visitor(), e.lastMessage(),
                e.transcript(), e.trigger(), e.signals());
    }

    @Test
    void insideBusinessHoursEveryChannelIsToldAndTheVisitorHearsTheResponseTime() {
        Instant mondayMorning = Instant.parse("2026-11-23T09:00:00Z"); // 10:00 in Berlin
        NotificationPlan plan = NotificationPlan.of(allChannels(WEEKDAYS_NINE_TO_FIVE), escalation("en"), "https://inbox",
                List.of("ana@support.test"), CONNECTED, mondayMorning);
        assertThat(plan.commands()).hasSize(3);
        assertThat(plan.closedUntil()).isNull();
        assertThat(plan.confirmation().text()).contains("within 20 minutes");
        assertThat(plan.confirmation().expectedResponseMinutes()).isEqualTo(20);
    }

    @Test
    void outsideBusinessHoursOnlyEmailIsToldAndTheVisitorHearsTheNextOpeningInTheirLanguage() {
        Instant saturday = Instant.parse("2026-11-28T12:00:00Z");
        NotificationPlan plan = NotificationPlan.of(allChannels(WEEKDAYS_NINE_TO_FIVE), escalation("de-DE"), "https://inbox",
                List.of("ana@support.test"), CONNECTED, saturday);
        assertThat(plan.commands()).extracting(NotifyCommand::getClass).containsExactly((Class) NotifyEmail.class);
        assertThat(plan.closedUntil()).hasToString("2026-11-30T09:00+01:00[Europe/Berlin]");
        assertThat(plan.confirmation().text())
                .startsWith("Unser Team ist gerade nicht erreichbar")
                .contains("Montag, 30. November 2026, 09:00");
        assertThat(plan.confirmation().expectedResponseMinutes()).isNull();
    }

    @Test
    void theChannelsUsedWhileClosedAreConfigurable() {
        BusinessHoursSettings slackAndWebhook = new BusinessHoursSettings(WEEKDAYS_NINE_TO_FIVE.timeZone(),
                WEEKDAYS_NINE_TO_FIVE.weekly(), List.of(), List.of("slack", "Webhook"));
        NotificationPlan plan = NotificationPlan.of(allChannels(slackAndWebhook), escalation("en"), "https://inbox",
                List.of("ana@support.test"), CONNECTED, Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(plan.commands()).extracting(NotifyCommand::getClass)
                .containsExactlyInAnyOrder((Class) NotifySlack.class, (Class) NotifyWebhook.class);
        assertThat(plan.confirmation().text()).startsWith("Our team is away right now").contains("Monday, November 30, 2026, 09:00");
    }

    @Test
    void withoutBusinessHoursTheTeamIsAlwaysThere() {
        NotificationPlan plan = NotificationPlan.of(allChannels(null), escalation("fr"), "https://inbox",
                List.of("ana@support.test"), CONNECTED, Instant.parse("2026-11-28T03:00:00Z"));
        assertThat(plan.commands()).hasSize(3);
        assertThat(plan.confirmation().text()).isEqualTo("J'ai prévenu notre équipe. Quelqu'un vous répondra dans les 20 minutes.");
    }

    @Test
    void theReminderIsDueOneSlaAfterRoutingOrAfterTheTeamOpensAndGoesToTheBackupContacts() {
        ChatbotSettings withBackup = new ChatbotSettings("My Chatbot", true, null, false, false, null,
                new EmailSettings(true, List.of("ana@support.test", "bo@support.test"), true), null, null,
                20, List.of("lead@support.test"), WEEKDAYS_NINE_TO_FIVE, null);
        Instant mondayMorning = Instant.parse("2026-11-23T09:00:00Z");
        NotificationPlan open = NotificationPlan.of(withBackup, escalation("en"), "https://inbox", List.of("bo@support.test"),
                null, mondayMorning);
        assertThat(open.reminder()).isEqualTo(new NotificationPlan.Reminder(Instant.parse("2026-11-23T09:20:00Z"),
                List.of("lead@support.test")));

        NotificationPlan closed = NotificationPlan.of(withBackup, escalation("en"), "https://inbox", List.of("bo@support.test"),
                null, Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(closed.reminder().dueAt()).isEqualTo(Instant.parse("2026-11-30T08:20:00Z")); // 09:20 in Berlin

        NotificationPlan noBackup = NotificationPlan.of(allChannels(null), escalation("en"), "https://inbox",
                List.of("ana@support.test"), CONNECTED, mondayMorning);
        assertThat(noBackup.reminder().recipients()).containsExactly("ana@support.test");
    }

    private static ChatbotSettings slackOnly(SlackSettings slack, Integer slaMinutes) {
        return new ChatbotSettings("My Chatbot", true, null, false, false, null,
                new EmailSettings(false, List.of(), false), slack, null, slaMinutes, null, null, null);
    }

    @Test
    void slackWithoutAChannelInTheSettingsGoesToTheConnectedChannelOfTheConnectedWorkspace() {
        NotificationPlan plan = NotificationPlan.of(slackOnly(new SlackSettings(true, null, null), null), escalation("en"),
                "https://inbox", List.of(), CONNECTED, Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(plan.commands()).singleElement().isInstanceOfSatisfying(NotifySlack.class, slack -> {
            assertThat(slack.channel()).isEqualTo("C0CONNECTED");
            assertThat(slack.teamId()).isEqualTo("T1");
            assertThat(slack.reminder()).isFalse();
        });
        assertThat(plan.slack()).isEqualTo(new SlackTarget("T1", "C0CONNECTED"));
        assertThat(plan.skipped()).isEmpty();

        NotificationPlan named = NotificationPlan.of(slackOnly(new SlackSettings(true, null, "C0OTHER"), null), escalation("en"),
                "https://inbox", List.of(), CONNECTED, Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(named.slack()).isEqualTo(new SlackTarget("T1", "C0OTHER"));
    }

    @Test
    void slackEnabledButDisconnectedSinceIsLeftOutAndSaysWhy() {
        NotificationPlan plan = NotificationPlan.of(allChannels(null), escalation("en"), "https://inbox",
                List.of("ana@support.test"), null, Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(plan.commands()).extracting(NotifyCommand::getClass)
                .containsExactlyInAnyOrder((Class) NotifyEmail.class, (Class) NotifyWebhook.class);
        assertThat(plan.slack()).isNull();
        assertThat(plan.skipped()).singleElement().asString().contains("no Slack workspace is connected");

        NotificationPlan onlySlack = NotificationPlan.of(slackOnly(new SlackSettings(true, null, null), 10), escalation("en"),
                "https://inbox", List.of(), null, Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(onlySlack.commands()).isEmpty();
        assertThat(onlySlack.confirmation()).isNull();
        assertThat(onlySlack.reminder()).isNull();
        assertThat(onlySlack.skipped()).hasSize(1);
    }

    @Test
    void anEscalationPostedOnlyOnSlackStillGetsAReminderWithoutEmailRecipients() {
        NotificationPlan plan = NotificationPlan.of(slackOnly(new SlackSettings(true, null, null), 10), escalation("en"),
                "https://inbox", List.of(), CONNECTED, Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(plan.reminder()).isEqualTo(new NotificationPlan.Reminder(Instant.parse("2026-11-23T09:10:00Z"), List.of()));
    }
}
