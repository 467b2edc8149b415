package io.handoff.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who wrote a message in a conversation. */
public enum MessageRole {
    @JsonProperty("visitor") VISITOR,
    @JsonProperty("assistant") ASSISTANT,
    @JsonProperty("agent") AGENT
}
