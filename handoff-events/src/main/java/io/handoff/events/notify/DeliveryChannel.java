package io.handoff.events.notify;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The ways the team is told about an escalation. */
public enum DeliveryChannel {
    @JsonProperty("email") EMAIL,
    @JsonProperty("slack") SLACK,
    @JsonProperty("webhook") WEBHOOK
}
