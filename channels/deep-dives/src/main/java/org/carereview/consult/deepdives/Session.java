package org.carereview.consult.deepdives;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.time.UkTime;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A session the review held in an area. {@code safeguarding}: its notes may tell of harm (they were flagged when
 * the session was added), so only the safeguarding lead and administrators read them; anyone else gets
 * {@link #WITHHELD} in their place.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Session(UUID id, String area, LocalDate heldOn, Audience audience, String audienceLabel,
                      @Nullable String facilitator, @Nullable String notes, boolean safeguarding) {

    /** What is shown instead of flagged notes to anyone who may not read them. */
    public static final String WITHHELD =
            "These notes may tell of harm, so only the safeguarding lead and administrators can read them.";

    /** "12 March 2027, families": how pages name the session. */
    public String describe() {
        return UkTime.day(heldOn) + ", " + audienceLabel.toLowerCase(java.util.Locale.UK);
    }

    /** This session with its notes replaced by {@link #WITHHELD} if they are flagged; unchanged otherwise. */
    Session withheld() {
        return safeguarding ? new Session(id, area, heldOn, audience, audienceLabel, facilitator, WITHHELD, true) : this;
    }
}
