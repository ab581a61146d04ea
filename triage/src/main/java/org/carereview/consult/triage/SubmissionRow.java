package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The common record as triage reads and locks it. */
record SubmissionRow(UUID id, SubmissionKind kind, String reference, SubmissionStatus status, @Nullable UUID assignee,
                     @Nullable String area, List<String> themes, List<String> dilemmas, boolean safeguarding,
                     Instant submittedAt, @Nullable Instant withdrawnAt, @Nullable String quarantineReason) {
}
