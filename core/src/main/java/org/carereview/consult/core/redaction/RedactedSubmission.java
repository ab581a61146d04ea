package org.carereview.consult.core.redaction;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * One submission's free-text answers as staff correct their redaction: for each answer the original, the redacted
 * text others read, what is taken out (by the rules or by staff) and the corrections staff have made, in order.
 */
@Serdeable
public record RedactedSubmission(UUID id, String reference, List<Field> fields) {

    public RedactedSubmission {
        fields = List.copyOf(fields);
    }

    /** One answer. {@code takenOut} are the spans replaced in {@code redacted}, in order of position. */
    @Serdeable
    public record Field(String name, String label, String original, String redacted, List<Span> takenOut,
                        List<Change> corrections) {

        public Field {
            takenOut = List.copyOf(takenOut);
            corrections = List.copyOf(corrections);
        }
    }

    /** Characters of the original, {@code start} inclusive, and the words themselves. */
    @Serdeable
    public record Span(Kind kind, int start, int end, String text) {
    }

    /**
     * A correction as made: {@code redact} true for words staff took out (as {@code kind}), false for words they
     * kept as written; {@code index} names it for undoing.
     */
    @Serdeable
    public record Change(int index, boolean redact, @io.micronaut.core.annotation.Nullable Kind kind, int start,
                         int end, String text) {
    }
}
