package io.handoff.events.notify;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a {@link NotifyAlert} tells a chatbot's administrators. */
public enum AlertKind {
    /** The webhook endpoint failed every attempt of the retry schedule; deliveries go on being tried. */
    @JsonProperty("webhook-failing") WEBHOOK_FAILING,
    /** The webhook endpoint answered {@code 410 Gone}; webhooks are switched off until someone turns them on. */
    @JsonProperty("webhook-disabled") WEBHOOK_DISABLED
}
