package io.handoff.slack.messaging;

/** Channel names of this service, as used in {@code application.properties}. */
public final class Channels {
    public static final String NOTIFY_SLACK = "notify-slack";
    public static final String DIRECTIVES = "directives";
    public static final String DELIVERIES = "deliveries";
    public static final String AGENT_COMMANDS = "agent-commands";
    public static final String SLACK_CONNECTIONS = "slack-connections";

    private Channels() {
    }
}
