package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;

/** A date as a form or a file gives it (ISO, such as 2027-03-12); in words, {@code UkTime.day}. */
final class Dates {

    private Dates() {
    }

    /** An ISO date such as 2027-03-12, or null if it is not a real date. */
    @Nullable
    static LocalDate parse(@Nullable String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
