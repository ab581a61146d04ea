package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/experts-by-experience")
@Secured({"REVIEWER", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ScoringApiController {

    @Serdeable
    record ScoreBody(@Nullable Map<String, Integer> criteria, @Nullable String comment) {
    }

    private final Scoring scoring;

    ScoringApiController(Scoring scoring) {
        this.scoring = scoring;
    }

    /** Applications to score, anonymised. Administrators also see ones flagged for safeguarding. */
    @Get("/scoring")
    Scoring.ScoringPage toScore(Authentication who, @Nullable @QueryValue String after, @Nullable @QueryValue Integer limit) {
        return scoring.toScore(UUID.fromString(who.getName()), who.getRoles().contains("ADMIN"), after, limit);
    }

    @Post("/applications/{id}/scores")
    HttpResponse<Void> score(@PathVariable UUID id, @Body ScoreBody body, Authentication who) {
        scoring.score(id, UUID.fromString(who.getName()), who.getRoles().contains("ADMIN"), body.criteria(), body.comment());
        return HttpResponse.status(io.micronaut.http.HttpStatus.CREATED);
    }
}
