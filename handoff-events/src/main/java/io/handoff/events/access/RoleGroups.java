package io.handoff.events.access;

/**
 * The names of the three groups a token's {@code groups} claim may hold, as one deployment's identity
 * provider spells them. Every service reads the same three from its configuration.
 *
 * @param admin        the global administrator: every chatbot, and the operator APIs
 * @param chatbotAdmin the administrator of the chatbots the token lists: settings, Slack, the rule tester
 * @param agent        the support agent of the chatbots the token lists: the console and its WebSocket
 */
public record RoleGroups(String admin, String chatbotAdmin, String agent) {

    public static final String DEFAULT_ADMIN = "handoff-admin";
    public static final String DEFAULT_CHATBOT_ADMIN = "handoff-chatbot-admin";
    public static final String DEFAULT_AGENT = "handoff-agent";

    public static RoleGroups defaults() {
        return new RoleGroups(DEFAULT_ADMIN, DEFAULT_CHATBOT_ADMIN, DEFAULT_AGENT);
    }
}
