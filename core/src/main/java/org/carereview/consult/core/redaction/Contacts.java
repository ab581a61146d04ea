package org.carereview.consult.core.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Emails (also spelled out: "sam at example dot com"), UK phone numbers in any spacing, and UK postcodes. */
final class Contacts {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[\\w.+-]*\\w\\s?@\\s?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String TLD = "(?:com|org|net|co|uk|ac|gov|io|me|info|edu|nhs|sch)";

    /**
     * Spelled out: a user (its dots may be said too; not an ordinary word, as in "was at home dot com"), "at",
     * and a domain whose dots are said, ending in a known top-level domain.
     */
    private static final Pattern SPOKEN_EMAIL = Pattern.compile(
            "(?<![\\w.])[a-z0-9][\\w.-]*(?:\\s+dot\\s+[\\w-]+)*\\s+at\\s+[a-z0-9-]+"
                    + "(?:\\s*(?:\\.|\\bdot\\b)\\s*[a-z0-9-]+)*\\s*(?:\\.|\\bdot\\b)\\s*" + TLD + "\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A UK number: 0 or +44 (with an optional "(0)"), then 9 or 10 more digits separated by at most two spaces,
     * dots, dashes or a bracket. Shorter service numbers (0800 1111, 999) and longer digit runs are left.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\s?44\\s?(?:\\(0\\)\\s?)?|\\(?0)\\d(?:[ .\\-)]{0,2}\\d){8,9}(?![\\d])");

    /** Outward code (area letters, district) and inward code (sector digit, unit letters), any case, space or not. */
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b(?:GIR\\s?0AA|(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?)\\s?\\d[ABD-HJLNP-UW-Z]{2})\\b",
            Pattern.CASE_INSENSITIVE);

    private Contacts() {
    }

    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        add(found, Kind.EMAIL, EMAIL.matcher(text));
        Matcher spoken = SPOKEN_EMAIL.matcher(text);
        while (spoken.find()) {
            String user = spoken.group().substring(0, spoken.group().toLowerCase().lastIndexOf(" at ")).strip();
            if (!Names.isOrdinary(user.toLowerCase())) {
                found.add(new Found(Kind.EMAIL, spoken.start(), spoken.end()));
            }
        }
        add(found, Kind.PHONE, PHONE.matcher(text));
        add(found, Kind.POSTCODE, POSTCODE.matcher(text));
        return found;
    }

    private static void add(List<Found> found, Kind kind, Matcher m) {
        while (m.find()) {
            found.add(new Found(kind, m.start(), m.end()));
        }
    }
}
