package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.deepdives.AreaSummary;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.deepdives.Comparison;
import org.carereview.consult.deepdives.CountTable;
import org.carereview.consult.deepdives.Dashboards;
import org.carereview.consult.deepdives.Dimension;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One area's dashboard and the areas side by side: charts drawn on the server as accessible SVG, each followed
 * by a table of the same suppressed figures, and the CSV downloads. No JavaScript needed.
 */
@Controller("/staff/deep-dives")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
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
    HttpResponse<?> dashboard(@PathVariable String slug, @Nullable @QueryValue String count) {
        if (areas.find(slug).isEmpty()) {
            return Pages.notFound();
        }
        boolean once = once(count);
        AreaSummary summary = dashboards.summary(slug, once);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (AreaSummary.Line line : summary.lines()) {
            if (line.items().isEmpty()) {
                continue;
            }
            sections.add(Map.of("title", line.title(), "chart", Charts.bars(line.dimension(), summary.area().name(), line),
                    "head", List.of(GovukItems.column(line.title().equals("By month") ? "Month" : "Category"),
                            GovukItems.numericColumn("Cards")),
                    "rows", countRows(line)));
        }
        Counting counting = Counting.of("/staff/deep-dives/areas/" + slug + "/dashboard", once);
        return HttpResponse.ok(Pages.view("deepdives/dashboard", new DashboardPage(summary.area(), sections,
                "/api/v1/deep-dives/areas/" + slug + "/summary.csv" + (once ? "?count=campaigns-once" : ""),
                counting.text(), counting.otherHref(), counting.otherText())));
    }

    /** One row per count (its label a row header), then the total of the counts shown, as GOV.UK table cells. */
    private static List<List<Map<String, Object>>> countRows(AreaSummary.Line line) {
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        line.items().forEach(i -> rows.add(List.of(GovukItems.cell(i.label()), GovukItems.numeric(i.count()))));
        rows.add(List.of(GovukItems.cell("Total of the counts shown"), GovukItems.numeric(line.total())));
        return rows;
    }

    @NotAudited("counts, small ones suppressed (ADR 0008)")
    @Get("/comparison")
    HttpResponse<?> comparison(@Nullable @QueryValue String count) {
        boolean once = once(count);
        Comparison comparison = dashboards.comparison(once);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Dimension d : List.of(Dimension.THEME, Dimension.DILEMMA, Dimension.PARTICIPANT_TYPE)) {
            CountTable table = comparison.table(d);
            sections.add(Map.of("title", "Areas " + table.title().toLowerCase(java.util.Locale.UK), "table", table,
                    "chart", Charts.grid("compare-" + d.slug(), table),
                    "csv", "/api/v1/deep-dives/comparison.csv?by=" + d.slug() + (once ? "&count=campaigns-once" : ""),
                    "width", table.columns().size() <= 4 ? "govuk-grid-column-two-thirds" : "govuk-grid-column-full"));
        }
        Counting counting = Counting.of("/staff/deep-dives/comparison", once);
        return HttpResponse.ok(Pages.view("deepdives/comparison", new ComparisonPage(sections, counting.text(),
                counting.otherHref(), counting.otherText())));
    }

    /** Only {@code campaigns-once} counts a copy-and-paste campaign once (ADR 0034); anything else counts every card. */
    private static boolean once(@Nullable String count) {
        return "campaigns-once".equals(count);
    }

    /** What a dashboard says about how it counts, and the link to count the other way. */
    private record Counting(String text, String otherHref, String otherText) {

        static Counting of(String path, boolean once) {
            return new Counting(once
                    ? "The cards of a copy-and-paste campaign (cards that share most of their words) count as one card in each area."
                    : "Every card counts, including each copy of a copy-and-paste campaign.",
                    once ? path : path + "?count=campaigns-once",
                    once ? "Count every card" : "Count each copy-and-paste campaign once");
        }
    }

    /**
     * An area's dashboard ({@code deepdives/dashboard}): the area, one section per count (title, chart, items, total),
     * the CSV's address, and how it counts with the link to count the other way.
     */
    @Introspected
    record DashboardPage(Area area, List<Map<String, Object>> sections, String csv, String counting,
                         String otherCountingHref, String otherCountingText) {
    }

    /** The areas compared ({@code deepdives/comparison}): one section per count, and how it counts. */
    @Introspected
    record ComparisonPage(List<Map<String, Object>> sections, String counting, String otherCountingHref,
                          String otherCountingText) {
    }
}
