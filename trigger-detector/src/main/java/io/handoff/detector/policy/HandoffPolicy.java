package io.handoff.detector.policy;

import io.handoff.events.escalation.Signal;
import io.handoff.events.escalation.SignalType;
import io.handoff.events.settings.HandoffLevel;

import java.util.List;
import java.util.Optional;

/**
 * Turns signals into the decision whether to hand off, by handoff level. The rules are documented in
 * {@code docs/detection.md}; change both together.
 *
 * <ul>
 *   <li>AI only: never.</li>
 *   <li>Quick: any signal.</li>
 *   <li>Balanced: a request for a person, a restricted topic, a keyword, the AI suggesting a handoff, the
 *       message-count or no-resolution rule; frustration or a repeated question only when it persists
 *       (a second time in the window) or comes with the AI's low confidence.</li>
 *   <li>AI first: as balanced, but the visitor must have stated the problem first.</li>
 * </ul>
 */
public final class HandoffPolicy {

    /** When several signals qualify, the first of these names the trigger. */
    private static final List<String> PRIORITY = List.of(SignalType.HUMAN_REQUEST, SignalType.RESTRICTED_TOPIC,
            SignalType.KEYWORD, SignalType.AI_HANDOFF_SUGGESTED, SignalType.FRUSTRATION, SignalType.REPEATED_QUESTION,
            SignalType.AI_LOW_CONFIDENCE, SignalType.MESSAGE_COUNT, SignalType.NO_RESOLUTION_TIME);

    private HandoffPolicy() {
    }

    /**
     * The facts about the conversation the balanced rules need.
     *
     * @param frustratedBefore   an earlier visitor message in the window showed frustration or repetition
     * @param aiLowConfidence    the AI's latest answer was below the confidence threshold
     */
    public record Context(boolean frustratedBefore, boolean aiLowConfidence) {
    }

    /** The signal that makes this conversation go to a human at this level, if any. */
    public static Optional<Signal> trigger(HandoffLevel level, List<Signal> signals, Context context) {
        if (level == HandoffLevel.AI_ONLY) {
            return Optional.empty();
        }
        for (String type : PRIORITY) {
            for (Signal signal : signals) {
                if (signal.type().equals(type) && qualifies(level, signal, context)) {
                    return Optional.of(signal);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean qualifies(HandoffLevel level, Signal signal, Context context) {
        if (level == HandoffLevel.QUICK) {
            return true;
        }
        return switch (signal.type()) {
            case SignalType.FRUSTRATION, SignalType.REPEATED_QUESTION -> context.frustratedBefore() || context.aiLowConfidence();
            case SignalType.AI_LOW_CONFIDENCE -> false;
            default -> true;
        };
    }
}
