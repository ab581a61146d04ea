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

import java.util.List;
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

    /** The same anonymised applications as CSV (up to 1,000 at a time; page with after). */
    @Get(value = "/scoring/export.csv", produces = "text/csv")
    HttpResponse<String> export(Authentication who, @Nullable @QueryValue String after) {
        List<ScoringItem> items = new java.util.ArrayList<>();
        String cursor = after;
        do {
            Scoring.ScoringPage page = scoring.toScore(UUID.fromString(who.getName()), who.getRoles().contains("ADMIN"), cursor, 200);
            items.addAll(page.items());
            cursor = page.next();
        } while (cursor != null && items.size() < 1_000);
        return HttpResponse.ok(ScoringCsv.of(items))
                .header("Content-Disposition", "attachment; filename=\"applications-to-score.csv\"");
    }

    @Post("/applications/{id}/scores")
    HttpResponse<Void> score(@PathVariable UUID id, @Body ScoreBody body, Authentication who) {
        scoring.score(id, UUID.fromString(who.getName()), who.getRoles().contains("ADMIN"), body.criteria(), body.comment());
        return HttpResponse.status(io.micronaut.http.HttpStatus.CREATED);
    }
}
