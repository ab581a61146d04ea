package org.carereview.consult.core.redaction;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A member of staff's correction to what the rules found: redact a span they missed, or keep a span they took
 * out by mistake. It names the characters by offsets into the original and by the text itself, so a correction
 * made on one version of an answer is ignored if the answer has changed under it.
 */
@Serdeable
public record Correction(boolean redact, Kind kind, int start, int end, String text) {

    public Correction {
        if (start < 0 || end <= start || text == null || text.length() != end - start || (redact && kind == null)) {
            throw new IllegalArgumentException("a correction needs start < end, the text at those offsets, "
                    + "and a kind when it redacts");
        }
    }

    /** Take out {@code text}, found at {@code start} in the original, as a detail of this kind. */
    public static Correction redact(Kind kind, int start, String text) {
        return new Correction(true, kind, start, start + text.length(), text);
    }

    /** Leave {@code text}, at {@code start} in the original, as written: whatever the rules found there is undone. */
    public static Correction keep(int start, String text) {
        return new Correction(false, null, start, start + text.length(), text);
    }

    boolean appliesTo(String original) {
        return end <= original.length() && original.regionMatches(start, text, 0, text.length());
    }
}
