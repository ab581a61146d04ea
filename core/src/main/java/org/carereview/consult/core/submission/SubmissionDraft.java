package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The common fields a channel supplies for a new submission. {@code searchText} is stored for search, snippets and
 * exports; {@code screenedOnlyText} (special-category free text, such as an applicant's access and support needs,
 * which the channel stores sealed) is screened for a disclosure with it but never stored in clear;
 * {@code redactedAnswers} (redacted before the row is written, so the row is written once) is the row's copy of the
 * redacted free text for exports.
 */
public record SubmissionDraft(
        SubmissionKind kind,
        SubmissionStatus status,
        @Nullable UUID ownerId,
        @Nullable UUID areaId,
        Set<Theme> themes,
        Set<Dilemma> dilemmas,
        String searchText,
        @Nullable QuarantineReason quarantineReason,
        @Nullable String screenedOnlyText,
        @Nullable Map<String, String> redactedAnswers) {

    public SubmissionDraft(SubmissionKind kind, SubmissionStatus status, @Nullable UUID ownerId, @Nullable UUID areaId,
                           Set<Theme> themes, Set<Dilemma> dilemmas, String searchText,
                           @Nullable QuarantineReason quarantineReason) {
        this(kind, status, ownerId, areaId, themes, dilemmas, searchText, quarantineReason, null, null);
    }

    /** This draft with its free-text answers as redacted, to be written in the same row. */
    public SubmissionDraft withRedactedAnswers(Map<String, String> redacted) {
        return new SubmissionDraft(kind, status, ownerId, areaId, themes, dilemmas, searchText, quarantineReason,
                screenedOnlyText, Map.copyOf(redacted));
    }

    /** A submission that goes straight to the triage queue. */
    public static SubmissionDraft of(SubmissionKind kind, @Nullable UUID ownerId, @Nullable UUID areaId,
                                     Set<Theme> themes, Set<Dilemma> dilemmas, String searchText) {
        return new SubmissionDraft(kind, SubmissionStatus.NEW, ownerId, areaId, themes, dilemmas, searchText, null,
                null, null);
    }

    /** As {@link #of}, with free text that is screened but not stored for search. */
    public static SubmissionDraft of(SubmissionKind kind, @Nullable UUID ownerId, @Nullable UUID areaId,
                                     Set<Theme> themes, Set<Dilemma> dilemmas, String searchText,
                                     @Nullable String screenedOnlyText) {
        return new SubmissionDraft(kind, SubmissionStatus.NEW, ownerId, areaId, themes, dilemmas, searchText, null,
                screenedOnlyText, null);
    }
}
