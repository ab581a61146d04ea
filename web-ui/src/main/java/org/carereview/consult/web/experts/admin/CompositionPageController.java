package org.carereview.consult.web.experts.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.experts.Composition;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The group against its targets: a bar chart drawn on the server as accessible SVG (title, description)
 * with the same figures in a table beside it, so no JavaScript is needed.
 */
@Controller("/staff/applications/composition")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class CompositionPageController {

    static final int BAR_AREA = 300;

    private final Composition composition;

    CompositionPageController(Composition composition) {
        this.composition = composition;
    }

    /**
     * The group's make-up ({@code experts/admin/composition}): how many members are active, the tables' head, and one
     * group per way of counting (region, age band, kind of experience) with its bars and table rows.
     */
    @Introspected
    record CompositionPage(int active, List<Map<String, Object>> tableHead, List<Map<String, Object>> groups) {
    }

    @NotAudited("counts of the group by region, age band and experience")
    @Get
    ModelAndView<Map<String, Object>> show() {
        Composition.View view = composition.view();
        return Pages.view("experts/admin/composition", new CompositionPage(view.activeMembers(),
                List.of(GovukItems.column("Group"), GovukItems.numericColumn("Active"),
                        GovukItems.numericColumn("Target")),
                List.of(group("region", "By region", view.byRegion()),
                        group("age", "By age band", view.byAgeBand()),
                        group("experience", "By kind of experience", view.byExperience()))));
    }

    private static Map<String, Object> group(String id, String title, List<Composition.Row> rows) {
        int max = Math.max(1, rows.stream().mapToInt(r -> Math.max(r.active(), r.target())).max().orElse(1));
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Composition.Row r = rows.get(i);
            int y = 10 + i * 30;
            int targetX = 200 + r.target() * BAR_AREA / max;
            Map<String, Object> bar = new HashMap<>();
            bar.put("label", r.label());
            bar.put("active", r.active());
            bar.put("target", r.target());
            bar.put("rect", "x=200,y=" + y);
            bar.put("y", String.valueOf(y));
            bar.put("textY", String.valueOf(y + 15));
            bar.put("width", String.valueOf(r.active() * BAR_AREA / max));
            bar.put("x", String.valueOf(targetX));
            bar.put("y1", String.valueOf(y - 3));
            bar.put("y2", String.valueOf(y + 23));
            bar.put("fill", r.active() < r.target() ? "#d4351c" : "#00703c");
            bars.add(bar);
        }
        List<List<Map<String, Object>>> table = rows.stream().map(r -> List.of(GovukItems.cell(r.label()),
                GovukItems.numeric(r.active()), GovukItems.numeric(r.target()))).toList();
        return Map.of("id", id, "title", title, "bars", bars, "rows", table, "viewBox", "0 0 520 " + (20 + rows.size() * 30),
                "description", rows.stream().map(r -> r.label() + ": " + r.active() + " of " + r.target())
                        .reduce((a, b) -> a + "; " + b).orElse(""));
    }
}
