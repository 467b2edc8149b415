package io.handoff.router.service;

import io.handoff.events.settings.BusinessHoursSettings;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A chatbot's opening times in its own time zone: whether the team is there at an instant, and when
 * it is there next. Opening times are local wall-clock times, so a daylight-saving change moves them
 * with the clock on the wall, as a team expects.
 */
public final class BusinessHours {

    /** How far ahead {@link #nextOpening} looks: a year and a little, so yearly holidays cannot hide it. */
    private static final int SEARCH_DAYS = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Range>> weekly;
    private final Set<LocalDate> holidays;

    /** Open from {@code from} (inclusive) to {@code to} (exclusive); {@code to} null means midnight. */
    record Range(LocalTime from, LocalTime to) {
        boolean contains(LocalTime time) {
            return !time.isBefore(from) && (to == null || time.isBefore(to));
        }
    }

    private BusinessHours(ZoneId zone, Map<DayOfWeek, List<Range>> weekly, Set<LocalDate> holidays) {
        this.zone = zone;
        this.weekly = weekly;
        this.holidays = holidays;
    }

    /** The opening times of valid settings; see {@link #check} for what valid means. */
    public static BusinessHours of(BusinessHoursSettings settings) {
        List<FieldProblem> problems = check(settings, "businessHours");
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        Map<DayOfWeek, List<Range>> weekly = new EnumMap<>(DayOfWeek.class);
        settings.weekly().forEach((day, ranges) -> weekly.put(day(day), ranges.stream()
                .map(BusinessHours::range)
                .sorted(Comparator.comparing(Range::from))
                .toList()));
        Set<LocalDate> holidays = new HashSet<>();
        settings.holidays().forEach(d -> holidays.add(LocalDate.parse(d)));
        return new BusinessHours(ZoneId.of(settings.timeZone()), weekly, holidays);
    }

    /** Everything wrong with the settings, each named by its path under {@code prefix}. */
    public static List<FieldProblem> check(BusinessHoursSettings settings, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (settings.timeZone() == null || settings.timeZone().isBlank()) {
            problems.add(new FieldProblem(prefix + ".timeZone", "a time zone is needed, such as Europe/Berlin"));
        } else {
            try {
                ZoneId.of(settings.timeZone());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem(prefix + ".timeZone",
                        "'" + settings.timeZone() + "' is not an IANA time zone (such as Europe/Berlin)"));
            }
        }
        settings.weekly().forEach((day, ranges) -> {
            String path = prefix + ".weekly." + day;
            if (day(day) == null) {
                problems.add(new FieldProblem(path, "'" + day + "' is not a day of the week (monday ... sunday)"));
                return;
            }
            List<String> given = ranges == null ? List.of() : ranges;
            for (int i = 0; i < given.size(); i++) {
                if (range(given.get(i)) == null) {
                    problems.add(new FieldProblem(path + "[" + i + "]",
                            "'" + given.get(i) + "' is not an opening time such as 09:00-17:30 (24:00 ends at midnight)"));
                }
            }
        });
        for (int i = 0; i < settings.holidays().size(); i++) {
            try {
                LocalDate.parse(settings.holidays().get(i));
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(prefix + ".holidays[" + i + "]",
                        "'" + settings.holidays().get(i) + "' is not a date such as 2026-12-25"));
            }
        }
        for (int i = 0; i < settings.channelsWhenClosed().size(); i++) {
            String channel = settings.channelsWhenClosed().get(i);
            if (!List.of("email", "slack", "webhook").contains(channel.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(prefix + ".channelsWhenClosed[" + i + "]",
                        "'" + channel + "' is not a channel (email, slack or webhook)"));
            }
        }
        return problems;
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        return weekly.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(r -> r.contains(local.toLocalTime()));
    }

    /** The first opening strictly after {@code at}, or empty when the team never opens. */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (Range range : weekly.getOrDefault(day.getDayOfWeek(), List.of())) {
                ZonedDateTime start = ZonedDateTime.of(day, range.from(), zone);
                if (start.toInstant().isAfter(at)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    /** An opening time as a visitor reads it: "Monday, November 23, 2026, 09:00 CET" in their language. */
    public static String describe(ZonedDateTime opening, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(opening)
                + ", " + DateTimeFormatter.ofPattern("HH:mm z", locale).format(opening);
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code 09:00-17:30}; null when it is not a range that starts before it ends. */
    private static Range range(String text) {
        String[] parts = text == null ? new String[0] : text.split("-");
        if (parts.length != 2) {
            return null;
        }
        try {
            LocalTime from = LocalTime.parse(parts[0].trim());
            String end = parts[1].trim();
            LocalTime to = end.equals("24:00") ? null : LocalTime.parse(end);
            return to == null || from.isBefore(to) ? new Range(from, to) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
