package org.carereview.consult.triage.similar;

import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.submission.SubmissionKind;

import java.util.List;
import java.util.UUID;

/**
 * The submissions most like one, most similar first (at most 10), that the person asking may see.
 *
 * @param waiting true when the submission's answers have no vector yet, so nothing can be compared (items is empty)
 * @param items   the similar submissions
 */
@Serdeable
public record Similar(boolean waiting, List<Item> items) {

    /**
     * One similar submission.
     *
     * @param id         its id
     * @param reference  its reference
     * @param kind       its channel
     * @param snippet    the start of its redacted answers (at most 160 characters)
     * @param similarity how alike the two are in meaning, 0 to 1, to 2 decimal places
     */
    @Serdeable
    public record Item(UUID id, String reference, SubmissionKind kind, String snippet, double similarity) {
    }
}
