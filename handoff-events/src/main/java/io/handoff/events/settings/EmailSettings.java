package io.handoff.events.settings;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;

/**
 * Email notifications.
 *
 * @param recipients accepted as {@code "a@x.com;b@y.com"} or as a list
 * @param roundRobin true: each escalation goes to the next recipient only; false: to all of them
 */
public record EmailSettings(Boolean enabled,
                            @JsonDeserialize(using = RecipientListReader.class) List<String> recipients,
                            Boolean roundRobin) {

    public EmailSettings {
        enabled = enabled != null && enabled;
        roundRobin = roundRobin != null && roundRobin;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public static EmailSettings off() {
        return new EmailSettings(false, List.of(), false);
    }
}
