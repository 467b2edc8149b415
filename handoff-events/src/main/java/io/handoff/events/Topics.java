package io.handoff.events;

/**
 * Default topic names. Every service lets operators rename them in configuration; these are the
 * names used when nothing is configured.
 */
public final class Topics {
    public static final String CONVERSATION_EVENTS = "chat.conversation-events";
    public static final String ESCALATIONS = "handoff.escalations";
    public static final String NOTIFY_EMAIL = "handoff.notify.email";
    public static final String NOTIFY_SLACK = "handoff.notify.slack";
    public static final String NOTIFY_WEBHOOK = "handoff.notify.webhook";
    public static final String DELIVERIES = "handoff.deliveries";
    public static final String DIRECTIVES = "handoff.directives";
    public static final String AGENT_COMMANDS = "handoff.agent-commands";
    public static final String CHATBOT_SETTINGS = "handoff.chatbot-settings";
    public static final String SLACK_CONNECTIONS = "handoff.slack-connections";

    /** Suffix of the dead-letter topic that holds what a consumer of a topic could not process. */
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
