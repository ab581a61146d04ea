package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;
import java.util.UUID;

/** The common fields a channel supplies for a new submission. */
public record SubmissionDraft(
        SubmissionKind kind,
        SubmissionStatus status,
        @Nullable UUID ownerId,
        @Nullable UUID areaId,
        Set<Theme> themes,
        Set<Dilemma> dilemmas,
        String searchText,
        @Nullable String quarantineReason) {

    /** A submission that goes straight to the triage queue. */
    public static SubmissionDraft of(SubmissionKind kind, @Nullable UUID ownerId, @Nullable UUID areaId,
                                     Set<Theme> themes, Set<Dilemma> dilemmas, String searchText) {
        return new SubmissionDraft(kind, SubmissionStatus.NEW, ownerId, areaId, themes, dilemmas, searchText, null);
    }
}
