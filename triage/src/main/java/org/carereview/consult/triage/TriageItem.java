package org.carereview.consult.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the queue. {@code snippet} (when searching) is the matching passage as plain-text parts, the
 * matched words marked {@code match: true}: a page escapes every part and wraps the matches in
 * {@code <mark>}, so nothing a person wrote is ever rendered as markup. {@code rank} is set when sorted by
 * relevance. {@code campaignGroup} is the copy-and-paste campaign it is in (ADR 0034) and {@code campaignSize} how many
 * of that campaign's submissions the viewer may see; both null when none.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TriageItem(UUID id, SubmissionKind kind, String reference, SubmissionStatus status,
                         @Nullable UUID assignee, @Nullable String area, List<String> themes, List<String> dilemmas,
                         boolean safeguarding, Instant submittedAt, @Nullable List<Snippets.Part> snippet,
                         @Nullable Float rank, @Nullable UUID campaignGroup,
                         @Nullable Integer campaignSize) {

    TriageItem inCampaign(@Nullable Integer size) {
        return size == null ? new TriageItem(id, kind, reference, status, assignee, area, themes, dilemmas, safeguarding,
                submittedAt, snippet, rank, null, null)
                : new TriageItem(id, kind, reference, status, assignee, area, themes, dilemmas, safeguarding,
                submittedAt, snippet, rank, campaignGroup, size);
    }
}
