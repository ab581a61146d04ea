package org.carereview.consult.core.safeguarding;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normal form for screened text and for phrases: lower case, apostrophes dropped ("don't" and
 * "dont" are the same word), every other character that is not a letter or digit a space, spaces collapsed.
 * A phrase then matches whole words only: " hits me " is looked for in " he hits me every day ".
 */
final class PhraseText {

    private PhraseText() {
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (isApostrophe(c)) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`' || c == '\u00b4';
    }
}
