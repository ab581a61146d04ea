package org.carereview.consult.core.retention;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;

import java.time.Instant;
import java.util.List;

/** Administrators read the retention schedule: each kind of data, how long it is kept, and the next purge. */
@Controller("/api/v1/admin/retention")
@AdminOnly
class RetentionApiController {

    /** One kind of data: what it is, how long it is kept, then what happens. */
    @Serdeable
    record Kind(String kind, String what, String period, String then) {
    }

    /** The schedule; {@code nextPurge} is null when the daily purge is switched off. */
    @Serdeable
    record Schedule(@Nullable String reviewEndsOn, @Nullable Instant nextPurge, List<Kind> kinds) {
    }

    private final RetentionSchedule schedule;

    RetentionApiController(RetentionSchedule schedule) {
        this.schedule = schedule;
    }

    @Get
    @NotAudited("the retention schedule: periods and dates, nobody's data")
    Schedule read() {
        return new Schedule(schedule.periods().reviewEndsOn(), schedule.nextPurge(),
                schedule.rules().stream().map(r -> new Kind(r.name(), r.what(), r.kept(), r.then())).toList());
    }
}
