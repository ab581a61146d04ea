package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A submission as the person who sent it sees it in "Your submissions": never triage's notes or flags. */
public record OwnedSubmission(UUID id, SubmissionKind kind, String reference, SubmissionStatus status,
                              Instant submittedAt, @Nullable Instant withdrawnAt, List<Theme> themes) {

    public boolean withdrawn() {
        return status == SubmissionStatus.WITHDRAWN;
    }
}
