package org.carereview.consult.core.safeguarding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads text the way it was meant, before phrases are looked for or the model reads it: leetspeak and
 * digits for letters ("b3ats" is "beats", "h8" is "hate", "want 2 die" is "want to die"), letters held down
 * ("sooo scareddd"), missing apostrophes, text-speak ("kms", "wanna") and common misspellings ("sucide",
 * "scard"), from {@code safeguarding/spellings.tsv}.
 *
 * <p>Two forms: {@link #matching} also folds every doubled letter to one ("kill" is "kil", "scarred" is
 * "scared"), so a phrase and a text read through it compare equal however either was spelled; {@link #forModel}
 * keeps real doubles and gives the model ordinary words.
 */
final class Canonical {

    /** Words after which a bare 2 or 4 is a number, not "to" or "for" ("gone 2 days"). */
    private static final Set<String> COUNTED = Set.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "hour", "hours", "minute", "minutes", "night", "nights", "time", "times", "kids", "children",
            "brothers", "sisters", "people", "men", "boys", "girls", "of", "or", "and", "am", "pm", "x");

    private static final Map<String, String> SPELLINGS = load("safeguarding/spellings.tsv");

    private Canonical() {
    }

    /** The words of the text in the form phrases are matched in. */
    static List<String> matching(String text) {
        return matching(tokens(text));
    }

    /** The words of a text whose {@link #tokens} these are, in the form phrases are matched in. */
    static List<String> matching(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (String word : read(tokens)) {
            if (word.indexOf(' ') < 0) {
                out.add(foldAll(word));
                continue;
            }
            for (String part : word.split(" ")) {
                out.add(foldAll(part));
            }
        }
        return out;
    }

    /** The text as plain words for the model. */
    static String forModel(String text) {
        return String.join(" ", read(tokens(text)));
    }

    private static List<String> read(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            out.add(word(token, next, i > 0));
        }
        return out;
    }

    private static String word(String token, String next, boolean afterAWord) {
        if (token.equals("2") || token.equals("4")) {
            boolean number = !afterAWord || next.isEmpty() || COUNTED.contains(next) || isDigits(next);
            return number ? token : token.equals("2") ? "to" : "for";
        }
        String known = SPELLINGS.get(foldAll(token));
        if (known != null) {
            return known;
        }
        if (isDigits(token)) {
            return token;
        }
        String plain = foldHeld(unLeet(token));
        if (plain.equals(token)) {
            return plain; // looked up above already
        }
        known = SPELLINGS.get(foldAll(plain));
        return known != null ? known : plain;
    }

    /** Lower case, apostrophes dropped, @ and $ inside words read as letters, everything else a separator. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`' || c == '\u00b4') {
                continue;
            }
            if ((c == '@' || c == '$') && !word.isEmpty() && i < folded.length()
                    && Character.isLetterOrDigit(folded.codePointAt(i))) {
                word.append(c == '@' ? 'a' : 's');
            } else if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                tokens.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    /** Digits inside a word that also has letters are letters: b3ats, h1ts, sc4red, d1e, h8. */
    private static String unLeet(String token) {
        if (isDigits(token) || !hasDigit(token)) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length() + 2);
        for (char c : token.toCharArray()) {
            switch (c) {
                case '0' -> out.append('o');
                case '1' -> out.append('i');
                case '3' -> out.append('e');
                case '4' -> out.append('a');
                case '5' -> out.append('s');
                case '7' -> out.append('t');
                case '8' -> out.append("ate");
                case '9' -> out.append('g');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A letter held down three or more times is one letter: "sooo" is "so", "scareddd" is "scared". */
    private static String foldHeld(String word) {
        if (!hasHeldLetter(word)) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int run = 1;
            while (i + run < word.length() && word.charAt(i + run) == c) {
                run++;
            }
            out.append(c);
            if (run == 2) {
                out.append(c);
            }
            i += run;
        }
        return out.toString();
    }

    /** Every run of one letter is one letter: "kill" is "kil", "hitting" is "hiting". */
    static String foldAll(String word) {
        if (nothingToFold(word)) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != last || Character.isDigit(c)) {
                out.append(c);
            }
            last = c;
        }
        return out.toString();
    }

    /** Whether {@link #foldHeld} would change the word: a character three or more times in a row. */
    private static boolean hasHeldLetter(String word) {
        for (int i = 2; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == word.charAt(i - 1) && c == word.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #foldAll} would drop nothing (the same walk): most words, which then need no copy. */
    private static boolean nothingToFold(String word) {
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == last && !Character.isDigit(c)) {
                return false;
            }
            last = c;
        }
        return true;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> map = new HashMap<>();
        for (String line : ShippedText.read(resource, "Spelling list").split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                throw new IllegalStateException("Spelling list " + resource + ": expected variant<TAB>word: " + line);
            }
            map.put(foldAll(parts[0].strip()), parts[1].strip());
        }
        return Map.copyOf(map);
    }
}
