package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application as scorers see it: anonymised. Only the reference, the kinds of experience and what the
 * applicant wrote about their experience, motivation and availability; never a name, contact, date of
 * birth, region, trusted adult, access or support needs, or equality answers.
 */
@Serdeable
public record ScoringItem(UUID id, String reference, List<String> experiences, @Nullable String experienceStory,
                          @Nullable String motivation, @Nullable String availability, int scores,
                          @Nullable Double averageTotal, @Nullable Map<String, Integer> yourScore) {
}
