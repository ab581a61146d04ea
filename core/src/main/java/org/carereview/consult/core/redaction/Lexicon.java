package org.carereview.consult.core.redaction;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every word the name rules look up, with what it is, in one map: a word costs one lookup, not one per list. Built
 * from {@link WordLists} and the rules' own short lists; a word may be several things ("will": a word name and an
 * ordinary word).
 */
final class Lexicon {

    static final int FIRST_NAME = 1;
    static final int SURNAME = 2;
    static final int WORD_NAME = 4;
    static final int ORDINARY = 8;
    static final int KEPT = 16;
    static final int TITLE = 32;

    private static final Map<String, Integer> FLAGS = build();

    private Lexicon() {
    }

    /** What the lower-case word is: the flags above, or 0 for a word in no list. */
    static int of(String lowerWord) {
        return FLAGS.getOrDefault(lowerWord, 0);
    }

    static boolean is(String lowerWord, int flag) {
        return (of(lowerWord) & flag) != 0;
    }

    /** An ordinary word, also when written with apostrophes the list leaves out ("dont" for "don't"). */
    static boolean ordinary(String lowerWord, int flags) {
        return (flags & ORDINARY) != 0 || lowerWord.indexOf('\'') >= 0 && is(lowerWord.replace("'", ""), ORDINARY);
    }

    private static Map<String, Integer> build() {
        Map<String, Integer> flags = new HashMap<>();
        add(flags, WordLists.FIRST_NAMES, FIRST_NAME);
        add(flags, WordLists.SURNAMES, SURNAME);
        add(flags, WordLists.WORD_NAMES, WORD_NAME);
        add(flags, WordLists.ORDINARY, ORDINARY);
        add(flags, Names.KEPT, KEPT);
        add(flags, Names.TITLES, TITLE);
        return Map.copyOf(flags);
    }

    private static void add(Map<String, Integer> flags, Set<String> words, int flag) {
        words.forEach(w -> flags.merge(w, flag, (a, b) -> a | b));
    }
}
