package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;

/** Suppressed counts for staff: one area, or every area side by side; as JSON or CSV. */
@Controller("/api/v1/deep-dives")
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardApiController {

    private final Dashboards dashboards;

    DashboardApiController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @NotAudited("counts, small ones suppressed (ADR 0008)")
    @Get("/areas/{slug}/summary")
    AreaSummary summary(@PathVariable String slug, @Nullable @QueryValue String count) {
        return dashboards.summary(slug, Dashboards.campaignsOnce(count));
    }

    @NotAudited("counts, small ones suppressed (ADR 0008)")
    @Get(value = "/areas/{slug}/summary.csv", produces = "text/csv")
    HttpResponse<String> summaryCsv(@PathVariable String slug, @Nullable @QueryValue String count) {
        return csv(dashboards.summaryCsv(slug, Dashboards.campaignsOnce(count)), "deep-dive-" + slug + ".csv");
    }

    @NotAudited("counts, small ones suppressed (ADR 0008)")
    @Get("/comparison")
    Comparison comparison(@Nullable @QueryValue String count) {
        return dashboards.comparison(Dashboards.campaignsOnce(count));
    }

    /**
     * One table of the comparison: {@code by} is theme (the default), dilemma, participant-type or month. On every
     * route here {@code count=campaigns-once} counts a copy-and-paste campaign's cards as one per area (ADR 0034).
     */
    @NotAudited("counts, small ones suppressed (ADR 0008)")
    @Get(value = "/comparison.csv", produces = "text/csv")
    HttpResponse<String> comparisonCsv(@Nullable @QueryValue String by, @Nullable @QueryValue String count) {
        boolean campaignsOnce = Dashboards.campaignsOnce(count);
        Dimension dimension = by == null || by.isBlank() ? Dimension.THEME : Dimension.parse(by);
        if (dimension == null) {
            throw new InvalidInputException("by", "Choose theme, dilemma, participant-type or month");
        }
        return csv(dashboards.comparisonCsv(dimension, campaignsOnce), "deep-dive-comparison-by-" + dimension.slug() + ".csv");
    }

    private static HttpResponse<String> csv(String body, String filename) {
        return HttpResponse.ok(body).header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
