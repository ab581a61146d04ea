package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * An area as an administrator creates or changes it. The slug is only read when creating (it is the
 * area's address and never changes). Empty attributes mean "not known".
 */
@Serdeable
public record AreaInput(
        @Nullable String slug,
        @Nullable String name,
        @Nullable String region,
        @Nullable Integer population,
        @Nullable String deprivation,
        @Nullable String urbanRural,
        @Nullable String ofstedRating,
        @Nullable BigDecimal spendPerChild,
        @Nullable Integer childrenEnteringCare) {
}
