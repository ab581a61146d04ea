package org.carereview.consult.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in words, in UK time, as GOV.UK writes them: "23 November 2026". */
public final class Dates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(LONDON);

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK).withZone(LONDON);

    private Dates() {
    }

    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** "23 November 2026 at 2:05pm", UK time. */
    public static String moment(Instant instant) {
        return MOMENT.format(instant).replace("AM", "am").replace("PM", "pm");
    }
}
