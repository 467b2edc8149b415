package io.handoff.email.alert;

import io.handoff.events.notify.AlertKind;
import io.handoff.events.notify.NotifyAlert;
import io.quarkus.qute.TemplateData;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What an alert template shows; every value is plain text, escaped by the HTML template. */
@TemplateData
public record AlertMailView(String chatbotName, boolean disabled, String target, String detail, String since) {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public static AlertMailView of(NotifyAlert alert) {
        return new AlertMailView(chatbotName(alert), alert.kind() == AlertKind.WEBHOOK_DISABLED,
                alert.target() == null ? "" : alert.target(), alert.detail(),
                alert.since() == null ? null : SINCE.format(alert.since()));
    }

    /** The chatbot's name on one line, or its id when it has none. */
    static String chatbotName(NotifyAlert alert) {
        String name = alert.chatbotName() == null || alert.chatbotName().isBlank() ? alert.chatbotId() : alert.chatbotName();
        return name.replaceAll("[\\r\\n\\t]+", " ").trim();
    }
}
