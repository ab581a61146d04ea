package org.carereview.consult.core.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses (a house number and a street: "12 Acacia Avenue", "flat 3, 45 High St"), and the names of schools
 * ("St Mary's Primary", "Oakwood Academy") and placements ("Riverside children's home", "Willow Lodge"). A town
 * alone is never an address: the areas matter to the review.
 */
final class Places {

    private static final String STREET = "(?:street|st|road|rd|avenue|ave|lane|ln|close|grove|drive|dr|crescent"
            + "|way|court|ct|place|gardens|terrace|walk|view|hill|park|square|row|mews|rise|green|parade|vale"
            + "|croft|fold|gate|mount|boulevard)";
    private static final String FLAT = "(?:(?:flat|apartment|apt|unit|room)\\s+\\d+[a-z]?\\s*,?\\s+)?";
    private static final String WORD = "[A-Za-z][A-Za-z'’-]*";

    /** A number and a street: "The" and a street word, or one to three capitalised words and a street word. */
    private static final Pattern ADDRESS = Pattern.compile("(?i:\\b" + FLAT + ")\\b\\d{1,4}[a-zA-Z]?,?\\s+"
            + "(?:[Tt]he\\s+(?i:" + STREET + ")|(?:[A-Z][A-Za-z'’-]*\\s+){1,3}(?i:" + STREET + "))\\b\\.?");

    private static final String SCHOOL_TYPE = "(?:primary|academy|high|school|college|infants|juniors"
            + "|secondary|grammar)";
    private static final Pattern SCHOOL = Pattern.compile("\\b((?:" + WORD + "\\s+){1,4}?)"
            + "(?:(?:catholic|rc|c of e|cofe|church of england|ce|community|grammar|junior|infant|primary"
            + "|secondary|high|free|academy)\\s+)*" + SCHOOL_TYPE + "\\b(?:\\s+school\\b)?", Pattern.CASE_INSENSITIVE);

    private static final String HOME_TYPE = "(?:(?:secure\\s+)?(?:children'?s|childrens|kids'?)\\s+home|residential"
            + "\\s+(?:unit|home)|secure\\s+unit|care\\s+home|(?:house|lodge)(?:\\s+(?:children'?s|childrens|kids'?)"
            + "\\s+home)?)";
    private static final Pattern PLACEMENT = Pattern.compile("\\b((?:" + WORD + "\\s+){1,3}?)" + HOME_TYPE + "\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Each kind needs its type word, and an address a digit: a text without one is not searched for that kind. The
     * words of {@code SCHOOL_TYPE}, and those every {@code HOME_TYPE} ends in.
     */
    private static final List<String> SCHOOL_TYPES = List.of("primary", "academy", "high", "school", "college",
            "infants", "juniors", "secondary", "grammar");
    private static final List<String> HOME_TYPES = List.of("home", "unit", "house", "lodge");
    /** A type that names a place only after a capitalised word ("Willow Lodge", not "the big house"). */
    private static final Pattern PLAIN_TYPE = Pattern.compile(".*\\b(house|lodge|high|college)$");
    private static final Pattern POSSESSIVE = Pattern.compile("'?s$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Words that make a school or home ordinary ("my old school", "a children's home", "the care home"). */
    private static final Set<String> GENERIC = Set.copyOf(List.of("a", "an", "the", "my", "our", "his", "her",
            "their", "your", "this", "that", "same", "new", "old", "local", "first", "last", "next", "another",
            "other", "different",
            "private", "special", "state", "boarding", "mainstream", "virtual", "secondary", "primary", "high",
            "sixth", "form", "secure", "residential", "foster", "family", "big", "small", "nice", "good", "bad",
            "to", "at", "from", "in", "of", "for", "with", "and", "or", "on", "into", "went", "go", "goes", "going",
            "was", "is", "be", "been", "no", "not", "every", "any", "some", "one", "each", "many", "most", "all",
            "care", "children", "childrens", "kids", "young", "people", "home", "homes", "school", "schools",
            "uni", "university", "college", "left", "leave", "after", "before", "till", "until", "about", "when",
            "where", "who", "what", "which", "while", "i", "we", "you", "they", "he", "she", "it", "me", "us",
            "them", "him", "like", "at", "by", "out", "up", "down", "halfway", "open", "full", "whole", "free",
            "public", "white", "town", "city", "village", "church", "court", "bail", "safe", "council", "supported",
            "shared", "own", "halfway", "group", "daughter's", "son's", "sister's", "brother's"));

    private Places() {
    }

    /** {@code lower} is the text in lower case, {@code digits} how many digits it has ({@link Redactor#find}). */
    static List<Found> find(String text, String lower, int digits) {
        List<Found> found = new ArrayList<>();
        if (digits > 0) {
            Matcher a = ADDRESS.matcher(text);
            while (a.find()) {
                found.add(new Found(Kind.ADDRESS, a.start(), a.end() - (a.group().endsWith(".") ? 1 : 0)));
            }
        }
        if (hasWord(lower, SCHOOL_TYPES)) {
            named(text, SCHOOL.matcher(text), Kind.SCHOOL, found);
        }
        if (hasWord(lower, HOME_TYPES)) {
            named(text, PLACEMENT.matcher(text), Kind.PLACEMENT, found);
        }
        return found;
    }

    /**
     * Whether one of {@code words} stands in {@code lower} (the text in lower case) with no letter or digit against
     * it on either side: wherever the patterns' {@code \bword\b} matches, and sometimes where it does not
     * ("_school"), which only costs a search that finds nothing.
     */
    static boolean hasWord(String lower, List<String> words) {
        for (String word : words) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                int after = at + word.length();
                if ((at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)))
                        && (after == lower.length() || !Character.isLetterOrDigit(lower.charAt(after)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A school or home counts when the words before its type name it: none generic, and, for a house or lodge,
     * capitalised. Leading generic or ordinary words are dropped one at a time ("at St Mary's Primary").
     */
    private static void named(String text, Matcher m, Kind kind, List<Found> found) {
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start(1);
            String[] words = SPACES.split(m.group(1).trim());
            boolean named = words.length > 0;
            for (String word : words) {
                String w = word.toLowerCase().replace("’", "'");
                if (w.length() < 2 || GENERIC.contains(w) || GENERIC.contains(POSSESSIVE.matcher(w).replaceAll(""))
                        || Names.isOrdinary(w)) {
                    named = false;
                }
            }
            boolean plainType = PLAIN_TYPE.matcher(m.group().toLowerCase()).matches();
            if (named && plainType && !Character.isUpperCase(words[0].charAt(0)) && !words[0].equalsIgnoreCase("st")) {
                named = false;
            }
            if (named) {
                found.add(new Found(kind, start, m.end()));
                from = m.end();
            } else {
                from = text.indexOf(' ', start) < 0 ? text.length() : text.indexOf(' ', start) + 1;
                m.reset();
            }
        }
    }
}
