package org.carereview.consult.core.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates given as someone's date of birth: a date shortly after "born", "birthday", "DOB", "d.o.b." or "date of
 * birth" in the same sentence. Other dates (a hearing, a move) are kept: the review needs them, and with the
 * names taken out a date alone rarely points to a child (ADR 17).
 */
final class BirthDates {

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String DAY = "(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:19|20)\\d{2}";

    private static final Pattern DATE = Pattern.compile("\\b(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})"
            + "|" + DAY + "\\s+(?:of\\s+)?" + MONTH + "\\b(?:,?\\s+" + YEAR + ")?"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+" + YEAR + ")?"
            + "|" + MONTH + "\\s+" + YEAR + ")(?![\\d./-]*\\d)", Pattern.CASE_INSENSITIVE);

    /** The cue, and what may stand between it and the date: a few words, not the end of a sentence. */
    private static final Pattern CUE = Pattern.compile("(?:\\bborn\\b|\\bbirthday|\\bd\\.?o\\.?b\\b\\.?"
            + "|\\bdate\\s+of\\s+birth|\\bbirth\\s?date)[^.!?\\n\\d]{0,25}$", Pattern.CASE_INSENSITIVE);

    /** A year alone counts only straight after "born in". */
    private static final Pattern BORN_IN_YEAR = Pattern.compile("\\bborn\\s+in\\s+(" + YEAR + ")\\b",
            Pattern.CASE_INSENSITIVE);

    private BirthDates() {
    }

    /**
     * Every date and "born in" year has a digit, and its cue: a text without a digit, or with none of "born",
     * "birth" and a "dob" however dotted, is not searched (most answers, whose dates are not dates of birth).
     * {@code lower} is the text in lower case, {@code digits} how many digits it has ({@link Redactor#find}).
     */
    static List<Found> find(String text, String lower, int digits) {
        List<Found> found = new ArrayList<>();
        if (digits == 0 || !cueIn(lower)) {
            return found;
        }
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 45), m.start());
            if (CUE.matcher(before).find()) {
                found.add(new Found(Kind.DATE_OF_BIRTH, m.start(), m.end()));
            }
        }
        Matcher year = BORN_IN_YEAR.matcher(text);
        while (year.find()) {
            found.add(new Found(Kind.DATE_OF_BIRTH, year.start(1), year.end(1)));
        }
        return found;
    }

    /** What every {@code CUE} and {@code BORN_IN_YEAR} has, in any case: "born", "birth", or d, o, b with dots. */
    static boolean mayHaveCue(String text) {
        return cueIn(text.toLowerCase(Locale.ROOT));
    }

    private static boolean cueIn(String lower) {
        return lower.contains("born") || lower.contains("birth") || lower.contains("dob") || lower.contains("d.o")
                || lower.contains("do.b");
    }
}
