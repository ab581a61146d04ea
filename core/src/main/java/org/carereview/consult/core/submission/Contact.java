package org.carereview.consult.core.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How a channel's submission lets the review reach the person who sent it, as they gave it: only the safeguarding
 * lead and administrators may ever see it. {@code consentToContact} and {@code consentToPublish} are null where the
 * channel does not ask; every other field is null when not given. Whether they were signed in is the common
 * record's, not the channel's (see triage).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Contact(@Nullable String email, @Nullable String phone, @Nullable Boolean consentToContact,
                      @Nullable Boolean consentToPublish, @Nullable TrustedAdult trustedAdult) {

    /** Nothing known: the channel keeps no way to reach the person. */
    public static final Contact NONE = new Contact(null, null, null, null, null);

    /**
     * An adult the person named (Experts by Experience asks applicants under 16 for one): who they are to the
     * person, how to reach them, and whether the person agreed the review may contact them (null if not asked).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TrustedAdult(@Nullable String name, @Nullable String relationship, @Nullable String email,
                               @Nullable String phone, @Nullable Boolean consentToContact) {
    }
}
