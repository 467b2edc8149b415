package io.handoff.events.notify;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a notifier concluded about the target itself, beside the outcome of one delivery: carried only
 * on a {@code failed} report, and only when the failure says something about every later delivery to
 * the same target.
 */
public enum TargetState {
    /** The receiver answered {@code 410 Gone}: it asks not to be called again. */
    @JsonProperty("gone") GONE,
    /** The target failed every attempt of the whole retry schedule. */
    @JsonProperty("failing") FAILING
}
