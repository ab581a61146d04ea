package org.carereview.consult.web;

import io.micronaut.core.annotation.Nullable;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A date as GOV.UK asks for it, in day, month and year boxes ({@code govuk/date-input}), kept exactly as
 * typed so that a page can show it again. It is a real date when all three are numbers that make a day
 * of the calendar, the year written with 4 digits.
 */
public record DateFields(@Nullable String day, @Nullable String month, @Nullable String year) {

    public static final DateFields EMPTY = new DateFields(null, null, null);

    /** The boxes filled in with a date already known, or empty. */
    public static DateFields of(@Nullable LocalDate date) {
        return date == null ? EMPTY : new DateFields(String.valueOf(date.getDayOfMonth()),
                String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
    }

    /**
     * The boxes as a draft keeps them in one text: the date in ISO form (2011-06-30) when it is a real one,
     * null when nothing was typed, and otherwise exactly what was typed, day/month/year, each part
     * percent-encoded ("31/2/2011", "5/%2F/20+11"), which is never a real date to whatever checks it.
     * {@link #ofStored} reads it back.
     */
    @Nullable
    public String stored() {
        LocalDate date = date();
        if (date != null) {
            return date.toString();
        }
        return typed() ? encode(day) + "/" + encode(month) + "/" + encode(year) : null;
    }

    /** The boxes as {@link #stored()} kept them; empty for nothing, or for a text it did not write. */
    public static DateFields ofStored(@Nullable String stored) {
        if (stored == null) {
            return EMPTY;
        }
        try {
            return of(LocalDate.parse(stored));
        } catch (DateTimeParseException notIso) {
            String[] parts = stored.split("/", -1);
            if (parts.length != 3) {
                return EMPTY;
            }
            try {
                return new DateFields(decode(parts[0]), decode(parts[1]), decode(parts[2]));
            } catch (IllegalArgumentException notEncoded) {
                return EMPTY;
            }
        }
    }

    /** Whether anything was typed in any of the boxes. */
    public boolean typed() {
        return !blank(day) || !blank(month) || !blank(year);
    }

    /** The date typed, or null when the boxes are empty or do not make a real date. */
    @Nullable
    public LocalDate date() {
        if (blank(day) || blank(month) || year == null || !year.strip().matches("[0-9]{4}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** Typed, but not a real date: partly filled, letters, a day the month does not have, a year not of 4 digits. */
    public boolean notReal() {
        return typed() && date() == null;
    }

    /**
     * What is wrong with the date typed, in the words of GOV.UK's date input guidance, or null when nothing was
     * typed or it is a real date: "Date of birth must include a month" (or "a day and month") when boxes are
     * empty, "... must include a year with 4 numbers", else "... must be a real date". {@code name} is the
     * question's label.
     */
    @Nullable
    public String problem(String name) {
        String code = problemCode();
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "real" -> name + " must be a real date";
            case "year-length" -> name + " must include a year with 4 numbers";
            default -> name + " must include a " + code.substring("missing-".length()).replace("-", " and ");
        };
    }

    /**
     * What is wrong with the date typed, as the end of a bundle key, or null when nothing was typed or it is a
     * real date: "missing-day", "missing-month", "missing-year", "missing-day-month", "missing-day-year" or
     * "missing-month-year" when boxes are empty, "year-length" when the year is not 4 numbers, else "real".
     */
    @Nullable
    public String problemCode() {
        if (!notReal()) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (blank(day)) {
            missing.add("day");
        }
        if (blank(month)) {
            missing.add("month");
        }
        if (blank(year)) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            return "missing-" + String.join("-", missing);
        }
        if (!year.strip().matches("[0-9]+") || year.strip().length() == 4) {
            return "real";
        }
        return "year-length";
    }

    private static String encode(@Nullable String part) {
        return part == null ? "" : URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
