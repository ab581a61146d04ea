package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.deepdives.SessionInput;
import org.carereview.consult.web.DateFields;

import java.time.LocalDate;
import java.util.List;

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

    /**
     * The service's errors, with the date's said as GOV.UK says it for the boxes typed ("Date of the session must
     * include a month"); the service only knows the date is not real.
     */
    List<FieldError> explained(List<FieldError> errors) {
        String problem = heldOn().problem("Date of the session");
        return problem == null ? errors : errors.stream()
                .map(e -> e.field().equals("heldOn") ? new FieldError("heldOn", problem) : e).toList();
    }

    private DateFields heldOn() {
        return new DateFields(heldOnDay, heldOnMonth, heldOnYear);
    }

    /** The date as ISO, "" when nothing was typed, or "not a date" when it is not a real date (the service says so). */
    private String isoDate() {
        LocalDate date = heldOn().date();
        if (date != null) {
            return date.toString();
        }
        return heldOn().typed() ? "not a date" : "";
    }
}
