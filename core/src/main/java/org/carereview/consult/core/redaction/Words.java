package org.carereview.consult.core.redaction;

import java.util.Arrays;

/**
 * The words of a text, found by hand rather than by a regular expression (this runs on every answer): a word is a
 * letter, then letters, apostrophes and hyphens, ending with a letter ("Jo-Anne", "O'Neil", "mum's"), which is what
 * {@code \p{L}(?:[\p{L}'’-]*\p{L})?} matches.
 */
final class Words {

    private Words() {
    }

    /** The count, then each word's start and end: {@code [n, start0, end0, start1, end1, ...]}. */
    static int[] spans(String text) {
        int[] spans = new int[33];
        int n = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            int c = text.codePointAt(i);
            if (!Character.isLetter(c)) {
                i += Character.charCount(c);
                continue;
            }
            int end = i + Character.charCount(c);
            int j = end;
            while (j < length) {
                int d = text.codePointAt(j);
                if (Character.isLetter(d)) {
                    j += Character.charCount(d);
                    end = j;
                } else if (d == '\'' || d == '’' || d == '-') {
                    j++;
                } else {
                    break;
                }
            }
            if (2 * n + 3 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[2 * n + 1] = i;
            spans[2 * n + 2] = end;
            n++;
            i = end;
        }
        spans[0] = n;
        return spans;
    }
}
