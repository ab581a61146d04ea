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
     * Spelled out: a user (group 1; its dots may be said too; not an ordinary word, as in "was at home dot com"),
     * "at" between any white space (a line break too), and a domain whose dots are said, ending in a known
     * top-level domain.
     */
    private static final Pattern SPOKEN_EMAIL = Pattern.compile(
            "(?<![\\w.])([a-z0-9][\\w.-]*(?:\\s+dot\\s+[\\w-]+)*)\\s+at\\s+[a-z0-9-]+"
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

    /**
     * Each kind is searched for only in a text that has what every match of it has: an email an "@", a spelled-out
     * one the word "at" between spaces, a phone number ten digits, a postcode a digit before two letters. Most
     * answers have none.
     */
    static List<Found> find(String text, int digits) {
        List<Found> found = new ArrayList<>();
        if (text.indexOf('@') >= 0) {
            add(found, Kind.EMAIL, EMAIL.matcher(text));
        }
        if (hasSpacedAt(text)) {
            Matcher spoken = SPOKEN_EMAIL.matcher(text);
            while (spoken.find()) {
                if (!Names.isOrdinary(spoken.group(1).toLowerCase())) {
                    found.add(new Found(Kind.EMAIL, spoken.start(), spoken.end()));
                }
            }
        }
        if (digits >= 10) {
            add(found, Kind.PHONE, PHONE.matcher(text));
        }
        if (digits >= 1 && hasInwardCode(text)) {
            add(found, Kind.POSTCODE, POSTCODE.matcher(text));
        }
        return found;
    }

    /** Whether a digit stands before two letters somewhere ("1AA"), as every postcode ends; most answers have none. */
    static boolean hasInwardCode(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && Character.isLetter(text.charAt(i + 1))
                    && Character.isLetter(text.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** Whether "at", in any case, stands somewhere with white space on both sides, as {@code \s+at\s+} needs. */
    private static boolean hasSpacedAt(String text) {
        for (int i = 1; i + 2 < text.length(); i++) {
            if ((text.charAt(i) | 0x20) == 'a' && (text.charAt(i + 1) | 0x20) == 't'
                    && isSpace(text.charAt(i - 1)) && isSpace(text.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** {@code \s} in a pattern without UNICODE_CHARACTER_CLASS: space, tab, the line ends, vertical tab, form feed. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    private static void add(List<Found> found, Kind kind, Matcher m) {
        while (m.find()) {
            found.add(new Found(kind, m.start(), m.end()));
        }
    }
}
