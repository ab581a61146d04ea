package org.carereview.consult.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.safeguarding.SafeguardingActions;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submission's page: the common fields, the channel's details as this viewer may see them, notes, the full
 * history of changes, and (for the lead and administrators, when flagged) why it was flagged and what was done.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TriageSubmission(UUID id, SubmissionKind kind, String reference, SubmissionStatus status,
                               @Nullable UUID assignee, @Nullable String area, List<String> themes,
                               List<String> dilemmas, boolean safeguarding, Instant submittedAt,
                               @Nullable Instant withdrawnAt, @Nullable String quarantineReason,
                               List<ChannelContent.Detail> details,
                               List<Note> notes, List<Change> history, @Nullable SafeguardingActions.Flag flag,
                               @Nullable List<SafeguardingActions.Action> safeguardingActions) {

    @Serdeable
    public record Note(UUID id, String text, @Nullable UUID author, Instant createdAt) {
    }

    /** One change: the field, its old and new value (codes or account ids), who and when. */
    @Serdeable
    public record Change(String field, @Nullable String oldValue, @Nullable String newValue, @Nullable UUID changedBy,
                         Instant changedAt) {
    }
}
