package io.handoff.router.messaging;

/** Channel names, shared with the tests. Topics are set in application.properties. */
public final class Channels {
    public static final String ESCALATIONS = "escalations";
    public static final String DELIVERIES = "deliveries";
    public static final String NOTIFY_EMAIL = "notify-email";
    public static final String NOTIFY_SLACK = "notify-slack";
    public static final String NOTIFY_WEBHOOK = "notify-webhook";
    public static final String DIRECTIVES = "directives";
    public static final String LIVECHAT = "livechat";
    public static final String CHATBOT_SETTINGS = "chatbot-settings";
    public static final String SLACK_CONNECTIONS = "slack-connections";
    public static final String CONVERSATION_EVENTS = "conversation-events";
    public static final String CONVERSATION_EVENTS_DLQ = "conversation-events-dlq";

    private Channels() {
    }
}
