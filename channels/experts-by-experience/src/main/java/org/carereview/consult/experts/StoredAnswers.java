package org.carereview.consult.experts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * How a draft's answers are written: exactly the JSON shape of {@link ApplicationInput} (read back as one),
 * but keeping empty answers. An empty box that was saved ("") is how the task list knows a section of
 * optional questions is done; the default JSON settings would leave it out.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record StoredAnswers(@Nullable List<String> experiences, @Nullable String name, @Nullable String preferredName,
                     @Nullable String dateOfBirth, @Nullable String region, @Nullable String email,
                     @Nullable String phone, @Nullable Adult trustedAdult, @Nullable String experienceStory,
                     @Nullable String motivation, @Nullable String availability, @Nullable String accessNeeds,
                     @Nullable String supportNeeds, @Nullable Map<String, Object> equality,
                     @Nullable Agreed consents) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Adult(@Nullable String name, @Nullable String relationship, @Nullable String email,
                 @Nullable String phone) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Agreed(@Nullable Boolean dataUse, @Nullable Boolean contactTrustedAdult) {
    }

    static StoredAnswers of(ApplicationInput a) {
        ApplicationInput.TrustedAdult t = a.trustedAdult();
        ApplicationInput.Consents c = a.consents();
        return new StoredAnswers(a.experiences(), a.name(), a.preferredName(), a.dateOfBirth(), a.region(), a.email(),
                a.phone(), t == null ? null : new Adult(t.name(), t.relationship(), t.email(), t.phone()),
                a.experienceStory(), a.motivation(), a.availability(), a.accessNeeds(), a.supportNeeds(),
                a.equality(), c == null ? null : new Agreed(c.dataUse(), c.contactTrustedAdult()));
    }
}
