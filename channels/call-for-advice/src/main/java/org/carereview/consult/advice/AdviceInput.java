package org.carereview.consult.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A call-for-advice submission as sent by the page or the API (validated by {@link AdviceService}). */
@Serdeable
public record AdviceInput(
        @Nullable String respondentType,
        @Nullable String organisation,
        @Nullable String keyQuestions,
        @Nullable String engagementAdvice,
        @Nullable String resources,
        @Nullable String groupsToSpeakTo,
        @Nullable List<String> themes,
        @Nullable String contactEmail,
        @Nullable Boolean consentToContact,
        @Nullable Boolean consentToPublish) {
}
