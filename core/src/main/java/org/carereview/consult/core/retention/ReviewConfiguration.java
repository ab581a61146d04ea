package org.carereview.consult.core.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.time.UkTime;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * {@code consult.review.ends-on}: the day the review ends (UK time). Unset, nobody has decided it yet, and
 * submissions and applications are kept: the purge never guesses an end.
 */
@ConfigurationProperties("consult.review")
record ReviewConfiguration(@Nullable LocalDate endsOn) {


    /** When submissions become due for deletion: the end of the day {@code months} after the review ends. */
    Optional<ZonedDateTime> keepUntil(int months) {
        return Optional.ofNullable(endsOn).map(day -> day.plusMonths(months).plusDays(1).atStartOfDay(UkTime.ZONE));
    }
}
