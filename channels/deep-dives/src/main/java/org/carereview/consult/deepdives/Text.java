package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;

import java.util.List;
import java.util.Optional;

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

    /**
     * Adds an error if the text is too long (in characters) or holds a control character other than line breaks
     * and tabs, in the words of a participant's field: the bundle's {@code deepdives.error.<field>.tooLong} and
     * {@code deepdives.error.<field>.control}.
     */
    static void check(List<FieldError> errors, String field, @Nullable String value, int max) {
        problem(value, max).ifPresent(p -> errors.add(p == Problem.TOO_LONG
                ? FieldError.of(field, "deepdives.error." + field + ".tooLong", String.format("%,d", max))
                : FieldError.of(field, "deepdives.error." + field + ".control")));
    }

    /** The same rules for a staff field, in words of its own ("Notes must be ..."): staff pages come in one version. */
    static void check(List<FieldError> errors, String field, String label, @Nullable String value, int max) {
        problem(value, max).ifPresent(p -> errors.add(p == Problem.TOO_LONG
                ? new FieldError(field, label + " must be " + String.format("%,d", max) + " characters or fewer")
                : new FieldError(field, label + " contains a hidden control character; remove it and try again")));
    }

    private enum Problem { TOO_LONG, CONTROL }

    private static Optional<Problem> problem(@Nullable String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > max) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return Optional.of(Problem.CONTROL);
        }
        return Optional.empty();
    }
}
