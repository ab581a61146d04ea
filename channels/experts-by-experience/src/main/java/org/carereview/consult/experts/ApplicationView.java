package org.carereview.consult.experts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An application as its owner and administrators read it, with its outcome. Never the equality answers:
 * those are kept apart and are not part of any view of one application. Once withdrawn, only the
 * reference, the dates and the outcome are left.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationView(
        UUID id,
        String reference,
        SubmissionStatus status,
        ApplicationOutcome outcome,
        Instant submittedAt,
        @Nullable Instant outcomeChangedAt,
        @Nullable Instant withdrawnAt,
        List<Experience> experiences,
        @Nullable String name,
        @Nullable String preferredName,
        @Nullable LocalDate dateOfBirth,
        @Nullable AgeBand ageBand,
        @Nullable Region region,
        @Nullable String email,
        @Nullable String phone,
        @Nullable TrustedAdult trustedAdult,
        @Nullable String experienceStory,
        @Nullable String motivation,
        @Nullable String availability,
        @Nullable String accessNeeds,
        @Nullable String supportNeeds,
        Consents consents) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TrustedAdult(@Nullable String name, @Nullable String relationship, @Nullable String email,
                               @Nullable String phone) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Consents(boolean dataUse, boolean contactTrustedAdult) {
    }
}
