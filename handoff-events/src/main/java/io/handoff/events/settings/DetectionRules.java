package io.handoff.events.settings;

import java.util.List;

/**
 * What the detector looks for, per chatbot.
 *
 * @param restrictedTopics       phrases for topics that always go to a human (billing disputes, legal ...)
 * @param keywords               owner-defined words that trigger a handoff ("refund", "lawsuit")
 * @param maxVisitorMessages     hand off after this many visitor messages; null: no limit
 * @param noResolutionMinutes    hand off when the conversation is unresolved after this long; null: never
 * @param aiConfidenceThreshold  AI answers below this confidence count as low confidence
 * @param declineCooldownMinutes after a declined offer, do not offer again for this long
 */
public record DetectionRules(List<String> restrictedTopics, List<String> keywords,
                             Integer maxVisitorMessages, Integer noResolutionMinutes,
                             Double aiConfidenceThreshold, Integer declineCooldownMinutes) {

    public static final double DEFAULT_AI_CONFIDENCE_THRESHOLD = 0.5;
    public static final int DEFAULT_DECLINE_COOLDOWN_MINUTES = 10;

    public DetectionRules {
        restrictedTopics = restrictedTopics == null ? List.of() : List.copyOf(restrictedTopics);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        aiConfidenceThreshold = aiConfidenceThreshold == null ? DEFAULT_AI_CONFIDENCE_THRESHOLD : aiConfidenceThreshold;
        declineCooldownMinutes = declineCooldownMinutes == null ? DEFAULT_DECLINE_COOLDOWN_MINUTES : declineCooldownMinutes;
    }

    public static DetectionRules defaults() {
        return new DetectionRules(null, null, null, null, null, null);
    }
}
