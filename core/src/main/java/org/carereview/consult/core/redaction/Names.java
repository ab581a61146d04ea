package org.carereview.consult.core.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * People's names. A word is a name when it is in the first-name list and is not also an ordinary word; or when a
 * cue says so ({@link NameCues}) and it is a name that is also a word ("my foster dad Will"), capitalised and not
 * an ordinary word, or, after "called" or "named", any word that is not ordinary. A title ("Mrs", "Dr") makes the
 * next word a surname. A capitalised surname straight after a name is taken with it.
 */
final class Names {

    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "mx", "miss", "dr", "judge", "auntie",
            "aunty", "uncle", "sir", "dame", "prof", "rev", "nurse");
    /** Never a name, whatever the cue: days, institutions and God. Months are in the ordinary words. */
    static final Set<String> KEPT = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "god", "jesus", "allah", "ofsted", "cafcass", "camhs", "nhs", "council", "barnardos",
            "barnardo's", "nspcc", "childline", "iro", "sw", "pa");

    /** Endings of ordinary words, not names: a word not in the lists needs a name's shape ("Safeguarding"). */
    private static final List<String> WORDISH = List.of("ing", "tion", "sion", "ment", "ness", "ity", "ship",
            "ance", "ence", "ism", "ous", "able", "ible", "ful", "less", "ised", "ized", "ise", "ize", "ally", "ive");
    /** Names that start a question before a role ("Will my brother be ok"): after them the role needs a comma. */
    private static final Set<String> QUESTION_WORDS = Set.of("will", "may");
    /** Words that are never a surname after a title, whatever their case. */
    private static final Set<String> JOINING_WORDS = Set.of("and", "or", "the", "of");
    /** Between a title and the name: an optional full stop, then space ("Mrs. Khan", "Dr Patel"). */
    private static final Pattern AFTER_TITLE = Pattern.compile("\\.?\\s+");
    /** Between two names of a list: a comma, "and" or "&" ("Sam, Jo and Ali"). */
    private static final Pattern LIST_JOIN = Pattern.compile("\\s*(?:,|and|&)\\s*");

    private Names() {
    }

    static boolean isOrdinary(String lowerWord) {
        return Lexicon.ordinary(lowerWord, Lexicon.of(lowerWord));
    }

    static List<Found> find(String text) {
        int[] words = Words.spans(text);
        int count = words[0];
        String[] keys = new String[count];
        List<Found> found = new ArrayList<>();
        int lastEnd = -1;
        for (int i = 0; i < count; i++) {
            int start = words[2 * i + 1];
            int end = stem(text, start, words[2 * i + 2]);
            int spanStart = start;
            boolean name;
            if (i > 0 && Lexicon.is(key(text, words, keys, i - 1), Lexicon.TITLE)
                    && AFTER_TITLE.matcher(text.substring(words[2 * i], start)).matches()) {
                name = titled(keys[i - 1], text, start, end);
                spanStart = words[2 * i - 1];
            } else {
                name = named(end == words[2 * i + 2] ? key(text, words, keys, i) : key(text, start, end),
                        text, start, end, lastEnd);
            }
            if (!name) {
                continue;
            }
            while (i + 1 < count && words[2 * i + 3] == words[2 * i + 2] + 1 && text.charAt(words[2 * i + 2]) == ' '
                    && surname(text, words[2 * i + 3], words[2 * i + 4])) {
                i++;
                end = stem(text, words[2 * i + 1], words[2 * i + 2]);
            }
            found.add(new Found(Kind.NAME, spanStart, end));
            lastEnd = end;
        }
        return found;
    }

    private static boolean named(String key, String text, int start, int end, int lastEnd) {
        int flags = Lexicon.of(key);
        if ((flags & Lexicon.KEPT) != 0 || key.length() < 2) {
            return false;
        }
        int hyphen = key.indexOf('-');
        boolean listed = (flags & Lexicon.FIRST_NAME) != 0
                || hyphen > 0 && Lexicon.is(key.substring(0, hyphen), Lexicon.FIRST_NAME);
        boolean ordinary = Lexicon.ordinary(key, flags);
        boolean wordName = (flags & Lexicon.WORD_NAME) != 0;
        if (listed && !ordinary && !wordName) {
            return true;
        }
        boolean listJoin = lastEnd >= 0 && lastEnd < start
                && LIST_JOIN.matcher(text.substring(lastEnd, start)).matches();
        if (listed || wordName) {
            // In lower case an ordinary word after a role is the word ("my sw will ring"), unless "called".
            boolean cued = NameCues.before(text, start) || listJoin
                    || NameCues.after(text, end, QUESTION_WORDS.contains(key));
            return cued && (Character.isUpperCase(text.charAt(start)) || !ordinary)
                    || NameCues.strongBefore(text, start);
        }
        if (ordinary || endsLikeAWord(key)) {
            return false;
        }
        boolean titleCase = Character.isUpperCase(text.charAt(start))
                && !text.substring(start + 1, end).equals(text.substring(start + 1, end).toUpperCase(Locale.ROOT));
        return titleCase && (NameCues.before(text, start) || NameCues.after(text, end, false) || listJoin)
                || NameCues.namingBefore(text, start);
    }

    private static boolean endsLikeAWord(String key) {
        for (String ending : WORDISH) {
            if (key.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean titled(String title, String text, int start, int end) {
        String key = key(text, start, end);
        int flags = Lexicon.of(key);
        boolean listed = (flags & (Lexicon.FIRST_NAME | Lexicon.SURNAME)) != 0;
        if (title.equals("miss")) {
            return listed;
        }
        return listed || Character.isUpperCase(text.charAt(start)) && (flags & Lexicon.KEPT) == 0
                && !JOINING_WORDS.contains(key);
    }

    private static boolean surname(String text, int start, int end) {
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        String key = key(text, start, end);
        int flags = Lexicon.of(key);
        return (flags & Lexicon.KEPT) == 0 && ((flags & Lexicon.SURNAME) != 0
                || !Lexicon.ordinary(key, flags) && (flags & Lexicon.WORD_NAME) == 0);
    }

    /** The word without a possessive "'s". */
    private static int stem(String text, int start, int end) {
        if (end - start <= 3) {
            return end;
        }
        char apostrophe = text.charAt(end - 2);
        char s = text.charAt(end - 1);
        return (apostrophe == '\'' || apostrophe == '’') && (s == 's' || s == 'S') ? end - 2 : end;
    }

    /** The key of word {@code i}, made once. */
    private static String key(String text, int[] words, String[] keys, int i) {
        if (keys[i] == null) {
            keys[i] = key(text, words[2 * i + 1], words[2 * i + 2]);
        }
        return keys[i];
    }

    private static String key(String text, int start, int end) {
        return text.substring(start, end).toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
