package org.carereview.consult.deepdives;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** A session the review held in an area. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Session(UUID id, String area, LocalDate heldOn, Audience audience, String audienceLabel,
                      @Nullable String facilitator, @Nullable String notes) {

    /** "12 March 2027, families": how pages name the session. */
    public String describe() {
        return Dates.inWords(heldOn) + ", " + audienceLabel.toLowerCase(java.util.Locale.UK);
    }
}
