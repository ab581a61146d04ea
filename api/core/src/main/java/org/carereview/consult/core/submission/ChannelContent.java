package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * What one channel keeps beside the common {@code submission} row, as the rest of the system may
 * handle it without knowing the channel: describe it (for its owner's page, and for triage's "the
 * channel's details"), and erase it when the person withdraws. Each channel provides one bean.
 */
public interface ChannelContent {

    /** The kind of submission whose details this channel keeps. */
    SubmissionKind kind();

    /**
     * The details as labelled answers, in the order the person gave them; empty if there is no such
     * submission of this kind. Erased answers are left out or have a null value.
     */
    List<Detail> describe(UUID submissionId);

    /**
     * Deletes everything the person wrote or told us about themselves (every content column to null,
     * every consent to false), keeping only what ties the row to its submission. Called by
     * {@link Withdrawals} inside its transaction; must be safe to call twice.
     */
    void erase(UUID submissionId);

    /**
     * One answer: {@code name} is a stable field name (as in the channel's JSON, e.g. {@code keyQuestions}),
     * {@code label} the question in plain words, {@code value} the answer as given (may have line breaks),
     * or null when it was not answered.
     */
    record Detail(String name, String label, @Nullable String value) {
    }
}
