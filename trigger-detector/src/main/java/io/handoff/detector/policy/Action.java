package io.handoff.detector.policy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What the detector does about a conversation after a message. The lower-case names are the rule tester's contract. */
public enum Action {
    NONE, OFFER, REQUEST_PROBLEM, REQUEST_CONTACT, ESCALATE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
