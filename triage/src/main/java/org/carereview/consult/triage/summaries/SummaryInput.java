package org.carereview.consult.triage.summaries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A new summary as staff typed it: the channel's code, a title, and what the review did in both versions of the words. */
@Serdeable
public record SummaryInput(@Nullable String channel, @Nullable String title, @Nullable String whatWeDid,
                           @Nullable String whatWeDidChild) {
}
