package io.handoff.router.service;

import io.handoff.events.settings.BusinessHoursSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessHoursTest {

    private static final BusinessHours BERLIN_OFFICE = BusinessHours.of(new BusinessHoursSettings("Europe/Berlin",
            Map.of("monday", List.of("09:00-12:00", "13:00-17:00"),
                    "tuesday", List.of("09:00-17:00"),
                    "friday", List.of("09:00-15:00")),
            List.of("2026-12-25"), null));

    @Test
    void isOpenDuringLocalOpeningTimesOnly() {
        // Monday 23 November 2026; Berlin is UTC+1 in winter
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-11-23T08:00:00Z"))).isTrue();   // 09:00 local
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-11-23T07:59:59Z"))).isFalse();  // 08:59:59
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-11-23T11:30:00Z"))).isFalse();  // lunch, 12:30
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-11-23T15:59:00Z"))).isTrue();   // 16:59
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-11-23T16:00:00Z"))).isFalse();  // 17:00, end is exclusive
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-11-25T10:00:00Z"))).isFalse();  // Wednesday: not listed
    }

    @Test
    void aHolidayIsClosedAllDay() {
        // Friday 25 December 2026
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-12-25T10:00:00Z"))).isFalse();
        assertThat(BERLIN_OFFICE.nextOpening(Instant.parse("2026-12-24T18:00:00Z")))
                .contains(ZonedDateTime.parse("2026-12-28T09:00+01:00[Europe/Berlin]"));
    }

    @Test
    void nextOpeningSkipsClosedDaysAndTheLunchBreak() {
        // Friday 27 November, 16:00 local: closed until Monday 09:00
        assertThat(BERLIN_OFFICE.nextOpening(Instant.parse("2026-11-27T15:00:00Z")))
                .contains(ZonedDateTime.parse("2026-11-30T09:00+01:00[Europe/Berlin]"));
        // Monday 12:30 local: back at 13:00 the same day
        assertThat(BERLIN_OFFICE.nextOpening(Instant.parse("2026-11-23T11:30:00Z")))
                .contains(ZonedDateTime.parse("2026-11-23T13:00+01:00[Europe/Berlin]"));
    }

    @Test
    void openingTimesFollowTheWallClockAcrossDaylightSaving() {
        // Monday 30 March 2026 is summer time (UTC+2): 09:00 local is 07:00 UTC
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
        assertThat(BERLIN_OFFICE.isOpen(Instant.parse("2026-03-30T06:59:00Z"))).isFalse();
    }

    @Test
    void aTeamThatNeverOpensHasNoNextOpening() {
        BusinessHours never = BusinessHours.of(new BusinessHoursSettings("UTC", Map.of(), List.of(), null));
        assertThat(never.isOpen(Instant.parse("2026-11-23T10:00:00Z"))).isFalse();
        assertThat(never.nextOpening(Instant.parse("2026-11-23T10:00:00Z"))).isEmpty();
    }

    @Test
    void midnightCanEndTheDay() {
        BusinessHours late = BusinessHours.of(new BusinessHoursSettings("UTC",
                Map.of("monday", List.of("18:00-24:00")), List.of(), null));
        assertThat(late.isOpen(Instant.parse("2026-11-23T23:59:59Z"))).isTrue();
        assertThat(late.isOpen(Instant.parse("2026-11-24T00:00:00Z"))).isFalse();
    }

    @Test
    void describesTheOpeningInTheVisitorsLanguage() {
        ZonedDateTime opening = ZonedDateTime.parse("2026-11-30T09:00+01:00[Europe/Berlin]");
        assertThat(BusinessHours.describe(opening, Locale.ENGLISH)).contains("Monday").contains("November").contains("09:00");
        assertThat(BusinessHours.describe(opening, Locale.GERMAN)).contains("Montag").contains("November").contains("09:00");
        assertThat(BusinessHours.describe(opening, Locale.forLanguageTag("es"))).contains("lunes").contains("09:00");
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        var problems = BusinessHours.check(new BusinessHoursSettings("Mars/Olympus",
                Map.of("funday", List.of("09:00-17:00"), "monday", List.of("17:00-09:00", "9-5")),
                List.of("2026-13-01"), List.of("email", "fax")), "businessHours");
        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "businessHours.timeZone", "businessHours.weekly.funday", "businessHours.weekly.monday[0]",
                "businessHours.weekly.monday[1]", "businessHours.holidays[0]", "businessHours.channelsWhenClosed[1]");
        assertThatThrownBy(() -> BusinessHours.of(new BusinessHoursSettings(null, null, null, null)))
                .isInstanceOf(InvalidSettingsException.class);
    }
}
