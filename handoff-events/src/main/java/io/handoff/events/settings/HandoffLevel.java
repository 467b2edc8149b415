package io.handoff.events.settings;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How readily a chatbot hands a conversation to a human. */
public enum HandoffLevel {
    /** Never hands off; signals are still counted. */
    @JsonProperty("ai_only") AI_ONLY,
    /** Any request for a human or any frustration hands off. */
    @JsonProperty("quick") QUICK,
    /** Direct requests, restricted topics and AI suggestions hand off; frustration only when it persists. */
    @JsonProperty("balanced") BALANCED,
    /** The visitor must state the problem before any handoff. */
    @JsonProperty("ai_first") AI_FIRST
}
