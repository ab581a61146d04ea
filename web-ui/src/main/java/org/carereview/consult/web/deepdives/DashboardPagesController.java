package org.carereview.consult.web.deepdives;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.carereview.consult.core.access.NotAudited;
import org.carereview.consult.deepdives.AreaSummary;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.deepdives.Comparison;
import org.carereview.consult.deepdives.CountTable;
import org.carereview.consult.deepdives.Dashboards;
import org.carereview.consult.deepdives.Dimension;
import org.carereview.consult.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One area's dashboard and the areas side by side: charts drawn on the server as accessible SVG, each followed
 * by a table of the same suppressed figures, and the CSV downloads. No JavaScript needed.
 */
@Controller("/staff/deep-dives")
@Produces(MediaType.TEXT_HTML)
@Secured({"REVIEWER", "ADMIN", "SAFEGUARDING_LEAD"})
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardPagesController {

    private final Areas areas;
    private final Dashboards dashboards;

    DashboardPagesController(Areas areas, Dashboards dashboards) {
        this.areas = areas;
        this.dashboards = dashboards;
    }

    @NotAudited("counts, small ones suppressed (ADR 0008)")
    @Get("/areas/{slug}/dashboard")
    HttpResponse<?> dashboard(@PathVariable String slug) {
        if (areas.find(slug).isEmpty()) {
            return Pages.notFound();
        }
        AreaSummary summary = dashboards.summary(slug);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (AreaSummary.Line line : summary.lines()) {
            if (line.items().isEmpty()) {
                continue;
            }
            sections.add(Map.of("title", line.title(), "chart", Charts.bars(line.dimension(), summary.area().name(), line),
                    "items", line.items(), "total", line.total()));
        }
        return HttpResponse.ok(Pages.view("deepdives/dashboard", Map.of("area", summary.area(), "sections", sections,
                "csv", "/api/v1/deep-dives/areas/" + slug + "/summary.csv")));
    }

    @NotAudited("counts, small ones suppressed (ADR 0008)")
    @Get("/comparison")
    HttpResponse<?> comparison() {
        Comparison comparison = dashboards.comparison();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Dimension d : List.of(Dimension.THEME, Dimension.DILEMMA, Dimension.PARTICIPANT_TYPE)) {
            CountTable table = comparison.table(d);
            sections.add(Map.of("title", "Areas " + table.title().toLowerCase(java.util.Locale.UK), "table", table,
                    "chart", Charts.grid("compare-" + d.slug(), table),
                    "csv", "/api/v1/deep-dives/comparison.csv?by=" + d.slug(),
                    "width", table.columns().size() <= 4 ? "govuk-grid-column-two-thirds" : "govuk-grid-column-full"));
        }
        return HttpResponse.ok(Pages.view("deepdives/comparison", Map.of("sections", sections)));
    }
}
