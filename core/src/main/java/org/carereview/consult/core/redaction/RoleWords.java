package org.carereview.consult.core.redaction;

import java.util.Set;

/**
 * Cheap tests that let {@link NameCues} skip a regular expression that cannot match. Each is a necessary condition
 * of its expression, so skipping changes no answer: the expressions are case-insensitive in ASCII only, so these
 * look at ASCII letters only.
 */
final class RoleWords {

    /**
     * The last word of every role and relation in {@link NameCues}, and of every greeting and introduction. A role
     * written as one word ("keyworker", "stepmum") ends in "worker" or starts with "step".
     */
    static final Set<String> ENDINGS = Set.of("sw", "worker", "keyworker", "carer", "carers", "mum", "mom", "dad",
            "mother", "father", "parent", "parents", "brother", "sister", "family", "mam", "mummy", "daddy", "nan",
            "nana", "nanna", "nanny", "gran", "granny", "grandma", "grandad", "grandpa", "grandmother", "grandfather",
            "auntie", "aunty", "aunt", "uncle", "cousin", "bro", "sis", "sista", "bruv", "bruva", "cuz", "twin",
            "friend", "frend", "freind", "frnd", "mate", "bestie", "bff", "bf", "gf", "boyfriend", "girlfriend",
            "partner", "husband", "wife", "son", "daughter", "grandson", "granddaughter", "grandchild", "niece",
            "nephew", "baby", "one", "child", "kid", "pa", "adviser", "advisor", "iro", "officer", "advocate",
            "teacher", "headteacher", "year", "tutor", "mentor", "manager", "therapist", "counsellor", "solicitor",
            "lawyer", "judge", "guardian", "nurse", "doctor", "gp", "neighbour", "housemate", "fiance", "fiancee",
            "ex", "boss", "coach", "i'm", "m", "im", "am", "hi", "hello", "regards", "thanks", "wishes");

    /** A role ends at most this many words before the name: the role, then "is" or "was", then "called". */
    private static final int WORDS_BACK = 3;

    private RoleWords() {
    }

    /** Whether one of the last few words in {@code text[from, to)} could end a role or a greeting. */
    static boolean endNear(String text, int from, int to) {
        int end = to;
        for (int seen = 0; seen < WORDS_BACK; seen++) {
            while (end > from && !wordChar(text.charAt(end - 1))) {
                end--;
            }
            if (end == from) {
                return false;
            }
            int start = end;
            while (start > from && wordChar(text.charAt(start - 1))) {
                start--;
            }
            if (couldEnd(lower(text, start, end))) {
                return true;
            }
            end = start;
        }
        return false;
    }

    private static boolean couldEnd(String word) {
        String afterApostrophe = word.substring(word.lastIndexOf('\'') + 1);
        return ending(word) || ending(afterApostrophe)
                || word.endsWith("'s") && ending(word.substring(0, word.length() - 2))
                || word.endsWith("s") && ending(word.substring(0, word.length() - 1));
    }

    private static boolean ending(String word) {
        return ENDINGS.contains(word) || word.endsWith("worker") || word.startsWith("step");
    }

    /** Whether {@code text[from, to)} holds {@code lowerNeedle} in any ASCII case. */
    static boolean contains(String text, int from, int to, String lowerNeedle) {
        for (int i = from; i + lowerNeedle.length() <= to; i++) {
            if (text.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c == '’';
    }

    private static String lower(String text, int start, int end) {
        char[] word = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            word[i - start] = c == '’' ? '\'' : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(word);
    }
}
