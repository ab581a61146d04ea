package org.carereview.consult.triage.summaries;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.SubmissionKind;

import java.time.Instant;
import java.util.UUID;

/**
 * A public summary of one channel. {@code counts} is the snapshot taken when it was last published (null until
 * then); {@code notifiedAt} is when the people who agreed to be contacted were sent its link (never twice).
 */
public record Summary(UUID id, SubmissionKind channel, String title, String whatWeDid, String whatWeDidChild,
                      SummaryState state, @Nullable ThemeCounts counts, Instant createdAt,
                      @Nullable Instant publishedAt, @Nullable Instant notifiedAt) {

    public boolean published() {
        return state == SummaryState.PUBLISHED;
    }
}
