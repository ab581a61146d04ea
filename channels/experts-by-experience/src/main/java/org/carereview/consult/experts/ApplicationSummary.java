package org.carereview.consult.experts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One application in the administrators' list: who applied, when, and where it stands (no free text). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationSummary(
        UUID id,
        String reference,
        SubmissionStatus status,
        ApplicationOutcome outcome,
        Instant submittedAt,
        List<Experience> experiences,
        @Nullable Region region,
        @Nullable AgeBand ageBand,
        @Nullable String name,
        @Nullable String preferredName,
        boolean safeguarding) {
}
