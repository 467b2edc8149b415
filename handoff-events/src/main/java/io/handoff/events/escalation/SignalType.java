package io.handoff.events.escalation;

/** The signal names that appear in events and in the rule tester's answers. */
public final class SignalType {
    public static final String HUMAN_REQUEST = "human_request";
    public static final String FRUSTRATION = "frustration";
    public static final String REPEATED_QUESTION = "repeated_question";
    public static final String RESTRICTED_TOPIC = "restricted_topic";
    public static final String KEYWORD = "keyword";
    public static final String AI_LOW_CONFIDENCE = "ai_low_confidence";
    public static final String AI_HANDOFF_SUGGESTED = "ai_handoff_suggested";
    public static final String MESSAGE_COUNT = "message_count";
    public static final String NO_RESOLUTION_TIME = "no_resolution_time";

    private SignalType() {
    }
}
