package org.carereview.consult.core.redaction;

import io.micronaut.serde.annotation.Serdeable;

/** A personal detail found in the original text: its kind and its characters, {@code start} inclusive. */
@Serdeable
public record Found(Kind kind, int start, int end) {

    public Found {
        if (kind == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("a found span needs a kind and start < end, not " + start + ".." + end);
        }
    }

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    int length() {
        return end - start;
    }
}
