package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.deepdives.SessionInput;

import java.time.DateTimeException;
import java.time.LocalDate;

/** A new session as its form posts it: the date in three boxes, as GOV.UK asks for dates. */
@Serdeable
record SessionForm(@Nullable String heldOnDay, @Nullable String heldOnMonth, @Nullable String heldOnYear,
                   @Nullable String audience, @Nullable String facilitator, @Nullable String notes) {

    static SessionForm empty() {
        return new SessionForm(null, null, null, null, null, null);
    }

    SessionInput input() {
        return new SessionInput(isoDate(), audience, facilitator, notes);
    }

    /** The date as ISO, "" when nothing was typed, or what was typed when it is not a real date (the service says so). */
    private String isoDate() {
        if (blank(heldOnDay) && blank(heldOnMonth) && blank(heldOnYear)) {
            return "";
        }
        if (blank(heldOnDay) || blank(heldOnMonth) || blank(heldOnYear)) {
            return "not a date";
        }
        try {
            return LocalDate.of(Integer.parseInt(heldOnYear.strip()), Integer.parseInt(heldOnMonth.strip()),
                    Integer.parseInt(heldOnDay.strip())).toString();
        } catch (NumberFormatException | DateTimeException e) {
            return "not a date";
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
