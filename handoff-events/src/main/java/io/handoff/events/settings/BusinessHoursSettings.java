package io.handoff.events.settings;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;
import java.util.Map;

/**
 * When the team is there to answer. Outside these hours escalations still reach the team, but only
 * through {@code channelsWhenClosed}, and the visitor is told when the team opens again.
 *
 * @param timeZone           an IANA time zone ({@code Europe/Berlin}); opening times are local to it
 * @param weekly             opening times per day ({@code "monday": ["09:00-12:00", "13:00-17:00"]});
 *                           a day that is missing or empty is closed
 * @param holidays           dates ({@code 2026-12-25}) on which the team is closed all day
 * @param channelsWhenClosed channels still notified while closed: {@code email}, {@code slack},
 *                           {@code webhook}; email only when not given
 */
public record BusinessHoursSettings(String timeZone, Map<String, List<String>> weekly, List<String> holidays,
                                    @JsonDeserialize(using = RecipientListReader.class) List<String> channelsWhenClosed) {

    public BusinessHoursSettings {
        weekly = weekly == null ? Map.of() : Map.copyOf(weekly);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        channelsWhenClosed = channelsWhenClosed == null ? List.of("email") : List.copyOf(channelsWhenClosed);
    }
}
