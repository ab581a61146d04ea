package org.carereview.consult.deepdives;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * A deep-dive area and the attributes the review chose it by. Unknown attributes are null (never
 * guessed), and are written as null in JSON.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Area(
        String slug,
        String name,
        String region,
        String regionName,
        @Nullable Integer population,
        @Nullable String deprivation,
        @Nullable String urbanRural,
        @Nullable String ofstedRating,
        @Nullable BigDecimal spendPerChild,
        @Nullable Integer childrenEnteringCare) {
}
