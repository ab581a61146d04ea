package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as GOV.UK writes them ("12 March 2027"). */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    static String inWords(LocalDate date) {
        return DAY.format(date);
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
