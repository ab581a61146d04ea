package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** The call-for-advice detail row beside the common submission record. */
@MappedEntity("advice_submission")
record AdviceDetails(
        @Id UUID submissionId,
        @Nullable RespondentType respondentType,
        @Nullable String organisation,
        @Nullable String keyQuestions,
        @Nullable String engagementAdvice,
        @Nullable String resources,
        @Nullable String groupsToSpeakTo,
        @Nullable String contactEmail,
        boolean consentToContact,
        boolean consentToPublish) {

    /** These details, for the submission just written with this id. */
    AdviceDetails of(UUID id) {
        return new AdviceDetails(id, respondentType, organisation, keyQuestions, engagementAdvice, resources,
                groupsToSpeakTo, contactEmail, consentToContact, consentToPublish);
    }
}
