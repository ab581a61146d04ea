package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;

import java.util.List;

/** The free-text rules every deep-dive answer follows (the same as the call for advice's). */
final class Text {

    private Text() {
    }

    /**
     * No visible character at all: whitespace of any kind (including no-break spaces) and invisible
     * format characters (zero-width spaces and joiners, the byte-order mark, soft hyphens) do not make
     * an answer.
     */
    static boolean isBlank(@Nullable String s) {
        return s == null || s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    @Nullable
    static String orNull(@Nullable String s) {
        return isBlank(s) ? null : s.strip();
    }

    /** Adds an error if the text is too long (in characters) or holds a control character other than line breaks and tabs. */
    static void check(List<FieldError> errors, String field, String label, @Nullable String value, int max) {
        if (value == null) {
            return;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, label + " must be " + String.format("%,d", max) + " characters or fewer"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(field, label + " contains a hidden control character; remove it and try again"));
        }
    }
}
