package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * An application to the Experts by Experience group as sent by the pages or the API (validated by
 * {@link Applications}). Every field may be missing and codes are strings, so that a wrong value is a
 * field error (422) rather than an unreadable body (400).
 */
@Serdeable
public record ApplicationInput(
        @Nullable List<String> experiences,
        @Nullable String name,
        @Nullable String preferredName,
        @Nullable String dateOfBirth,
        @Nullable String region,
        @Nullable String email,
        @Nullable String phone,
        @Nullable TrustedAdult trustedAdult,
        @Nullable String experienceStory,
        @Nullable String motivation,
        @Nullable String availability,
        @Nullable String accessNeeds,
        @Nullable String supportNeeds,
        @Nullable Map<String, Object> equality,
        @Nullable Consents consents) {

    /** An adult we may contact about an applicant under 16 (a parent, carer, social worker, teacher...). */
    @Serdeable
    public record TrustedAdult(
            @Nullable String name,
            @Nullable String relationship,
            @Nullable String email,
            @Nullable String phone) {
    }

    @Serdeable
    public record Consents(
            @Nullable Boolean dataUse,
            @Nullable Boolean contactTrustedAdult) {
    }
}
