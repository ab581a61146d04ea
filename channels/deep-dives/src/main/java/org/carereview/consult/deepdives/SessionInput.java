package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A new session: the day it was held (ISO, such as {@code 2027-03-12}), who it was with, who ran it, notes. */
@Serdeable
public record SessionInput(@Nullable String heldOn, @Nullable String audience, @Nullable String facilitator,
                           @Nullable String notes) {
}
