package io.handoff.events.notify;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of one delivery attempt. */
public enum DeliveryStatus {
    /** The target accepted it. */
    @JsonProperty("delivered") DELIVERED,
    /** This attempt failed and another one is scheduled. */
    @JsonProperty("retrying") RETRYING,
    /** No further attempt will be made. */
    @JsonProperty("failed") FAILED
}
