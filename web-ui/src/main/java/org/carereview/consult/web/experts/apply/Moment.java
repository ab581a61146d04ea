package org.carereview.consult.web.experts.apply;

import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.experts.ApplicationWindow;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When applications open or close, as the public pages say it in UK time: "5pm" on "Friday 5 February 2027". The
 * words of the time are the bundle's: {@code timeKey} ({@code experts.time.am}, {@code .pm}, {@code .midday},
 * {@code .midnight}) with {@code {0}} the reading of the clock ("5", "9:30").
 */
record Moment(String timeKey, String clock, String day) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    static Moment of(Instant instant) {
        ZonedDateTime local = instant.atZone(UkTime.ZONE);
        int hour = local.getHour();
        int minute = local.getMinute();
        String clock = (hour % 12 == 0 ? 12 : hour % 12) + (minute == 0 ? "" : String.format(Locale.ROOT, ":%02d", minute));
        String key = minute == 0 && hour == 12 ? "midday" : minute == 0 && hour == 0 ? "midnight" : hour < 12 ? "am" : "pm";
        return new Moment("experts.time." + key, clock, DAY.format(local));
    }

    /** The arguments of {@code timeKey}'s words, for {@code #messages.msgWithParams} in a template. */
    public Object[] args() {
        return new Object[]{clock};
    }
}
