package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The common fields of a submission, as channels and triage read them. */
public record SubmissionSummary(UUID id, SubmissionKind kind, String reference, SubmissionStatus status,
                                @Nullable UUID ownerId, List<String> themes, List<String> dilemmas,
                                boolean safeguarding, Instant submittedAt, @Nullable Instant withdrawnAt,
                                @Nullable String quarantineReason, boolean awaitingCheck) {

    /** {@code awaitingCheck}: still queued for the learned safeguarding check, so treated as possibly flagged. */
    static SubmissionSummary of(Submission s, boolean awaitingCheck) {
        return new SubmissionSummary(s.id(), s.kind(), s.reference(), s.status(), s.ownerId(),
                List.of(s.themes()), List.of(s.dilemmas()), s.safeguarding(), s.submittedAt(),
                s.withdrawnAt(), s.quarantineReason(), awaitingCheck);
    }
}
