package org.carereview.consult.triage.summaries;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * Words quoted from one submission's redacted answer ({@code field}), who added them and who approved them. The
 * reference is for staff only: the public page shows the words and nothing else.
 */
public record Quote(UUID id, UUID submissionId, String reference, String field, String text,
                    @Nullable UUID addedBy, @Nullable UUID approvedBy) {

    public boolean approved() {
        return approvedBy != null;
    }
}
