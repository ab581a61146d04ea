package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.ReviewerOrAdmin;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/experts-by-experience")
@ReviewerOrAdmin
@ExecuteOn(TaskExecutors.BLOCKING)
class ScoringApiController {

    @Serdeable
    record ScoreBody(@Nullable Map<String, Integer> criteria, @Nullable String comment) {
    }

    private final Scoring scoring;
    private final AuditLog audit;

    ScoringApiController(Scoring scoring, AuditLog audit) {
        this.scoring = scoring;
        this.audit = audit;
    }

    /** Applications to score, anonymised. Ones flagged for safeguarding only for those who see them ({@code Visibility}). */
    @PersonalData
    @Get("/scoring")
    Scoring.ScoringPage toScore(Authentication who, @Nullable @QueryValue String after, @Nullable @QueryValue Integer limit) {
        Scoring.ScoringPage page = scoring.toScore(UUID.fromString(who.getName()), Viewer.of(who).seesFlagged(), after, limit);
        audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST, "scoring" + (after == null ? "" : " after=given"),
                page.items().size());
        return page;
    }

    /** The same anonymised applications as CSV (up to 1,000 at a time; page with after). */
    @PersonalData
    @Get(value = "/scoring/export.csv", produces = "text/csv")
    HttpResponse<String> export(Authentication who, @Nullable @QueryValue String after) {
        List<ScoringItem> items = new java.util.ArrayList<>();
        String cursor = after;
        do {
            Scoring.ScoringPage page = scoring.toScore(UUID.fromString(who.getName()), Viewer.of(who).seesFlagged(), cursor, 200);
            items.addAll(page.items());
            cursor = page.next();
        } while (cursor != null && items.size() < 1_000);
        audit.recordList(UUID.fromString(who.getName()), AuditAction.EXPORT, "scoring csv" + (after == null ? "" : " after=given"),
                items.size());
        return HttpResponse.ok(ScoringCsv.of(items))
                .header("Content-Disposition", "attachment; filename=\"applications-to-score.csv\"");
    }

    @Post("/applications/{id}/scores")
    @Status(HttpStatus.CREATED)
    HttpResponse<Void> score(@PathVariable UUID id, @Body ScoreBody body, Authentication who) {
        scoring.score(id, UUID.fromString(who.getName()), Viewer.of(who).seesFlagged(), body.criteria(), body.comment());
        // The scores are read with the application they score.
        return HttpResponse.<Void>status(io.micronaut.http.HttpStatus.CREATED)
                .headers(h -> h.location(URI.create("/api/v1/experts-by-experience/applications/" + id)));
    }
}
