package io.handoff.events.settings;

/**
 * The texts the visitor sees during a handoff, for one locale. Any text left null falls back to the
 * default for that locale, then to English.
 *
 * <p>Placeholders: {@code {minutes}} in {@code confirmation} is the expected response time;
 * {@code {agent}} in {@code agentJoined} is the agent's name.
 */
public record VisitorTexts(String escalationOffer, String emailPlaceholder, String contactRequest,
                           String problemRequest, String confirmation, String agentJoined, String liveChatEnded) {

    public static final VisitorTexts ENGLISH = new VisitorTexts(
            "I can connect you with a member of our team. Would you like me to do that?",
            "you@example.com",
            "So that our team can get back to you, please leave your email address.",
            "Before I bring in a team member, could you describe the problem in a few sentences?",
            "I've notified our team. Someone will get back to you within {minutes} minutes.",
            "{agent} from our team has joined the conversation.",
            "Live chat has ended. I'm here again if you need anything else.");

    /** Each null text taken from {@code fallback}. */
    public VisitorTexts orElse(VisitorTexts fallback) {
        return new VisitorTexts(
                escalationOffer != null ? escalationOffer : fallback.escalationOffer(),
                emailPlaceholder != null ? emailPlaceholder : fallback.emailPlaceholder(),
                contactRequest != null ? contactRequest : fallback.contactRequest(),
                problemRequest != null ? problemRequest : fallback.problemRequest(),
                confirmation != null ? confirmation : fallback.confirmation(),
                agentJoined != null ? agentJoined : fallback.agentJoined(),
                liveChatEnded != null ? liveChatEnded : fallback.liveChatEnded());
    }
}
