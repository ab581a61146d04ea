package org.carereview.consult.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * UK time, in one place: the zone every day, deadline and date shown to a person is counted in, "today" and "now"
 * in the UK from the injected {@link Clock}, a UK day's bounds as instants, and the ways an instant is written.
 * Everything stored is an instant (UTC); only what a person types or reads is in UK time. Nothing else names the
 * zone (ArchitectureTest).
 */
public final class UkTime {

    /** The zone: GMT in winter, BST in summer. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DATE.withZone(ZONE);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK).withZone(ZONE);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK).withZone(ZONE);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.UK).withZone(ZONE);

    private UkTime() {
    }

    /** The day it is in the UK now. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The UK's wall-clock time of an instant. */
    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    /** The instant a UK day begins (midnight, whatever the clocks did that day). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The instant a UK day ends: the start of the next day, not itself part of it. */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    /** The instant of a UK wall-clock time (in the autumn's repeated hour, the earlier one). */
    public static Instant instant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    /** "23 November 2026", as GOV.UK writes a date. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** "23 November 2026", as GOV.UK writes a date (a day of birth, a session's day: no time, so no zone). */
    public static String day(LocalDate date) {
        return DATE.format(date);
    }

    /** "23 November 2026 at 2:05pm", as GOV.UK writes a time. */
    public static String moment(Instant instant) {
        return MOMENT.format(instant).replace("AM", "am").replace("PM", "pm");
    }

    /** "23 Nov 2026 14:05": a compact time for staff tables. */
    public static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    /** "2026-11-23 14:05:09": a sortable time for files staff open in a spreadsheet. */
    public static String sortable(Instant instant) {
        return SECONDS.format(instant);
    }
}
