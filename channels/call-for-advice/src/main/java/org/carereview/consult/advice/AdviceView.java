package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call-for-advice submission as its owner and staff read it. How to reach the sender and their consents are
 * given only to the owner, the safeguarding lead and administrators: null for a reviewer.
 */
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
        @Nullable Boolean consentToContact,
        @Nullable Boolean consentToPublish) {

    /** The same without the contact email and consents, for a reviewer. */
    AdviceView withoutContact() {
        return new AdviceView(id, reference, status, submittedAt, respondentType, organisation, keyQuestions,
                engagementAdvice, resources, groupsToSpeakTo, themes, null, null, null);
    }
}
