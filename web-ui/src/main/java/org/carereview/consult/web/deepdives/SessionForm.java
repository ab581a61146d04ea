package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.deepdives.SessionInput;
import org.carereview.consult.web.DateFields;

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

    /** The date as ISO, "" when nothing was typed, or "not a date" when it is not a real date (the service says so). */
    private String isoDate() {
        DateFields heldOn = new DateFields(heldOnDay, heldOnMonth, heldOnYear);
        LocalDate date = heldOn.date();
        if (date != null) {
            return date.toString();
        }
        return heldOn.typed() ? "not a date" : "";
    }
}
