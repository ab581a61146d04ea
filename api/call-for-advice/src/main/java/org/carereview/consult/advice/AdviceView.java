package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call-for-advice submission as its owner and staff read it. */
@Serdeable
public record AdviceView(
        UUID id,
        String reference,
        SubmissionStatus status,
        Instant submittedAt,
        @Nullable RespondentType respondentType,
        @Nullable String organisation,
        @Nullable String keyQuestions,
        @Nullable String engagementAdvice,
        @Nullable String resources,
        @Nullable String groupsToSpeakTo,
        List<String> themes,
        @Nullable String contactEmail,
        boolean consentToContact,
        boolean consentToPublish) {
}
