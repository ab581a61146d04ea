package org.carereview.consult.web.staff;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.retention.RetentionSchedule;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Administrators read the retention schedule: what the daily purge deletes, and when (ADR 19). */
@Controller("/staff/admin/retention")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
class RetentionPageController {

    private final RetentionSchedule schedule;

    RetentionPageController(RetentionSchedule schedule) {
        this.schedule = schedule;
    }

    @Get
    @NotAudited("the retention schedule: periods and dates, nobody's data")
    ModelAndView<Map<String, Object>> show() {
        List<List<Map<String, Object>>> rules = schedule.rules().stream().map(rule -> List.of(
                GovukItems.cell(rule.name()), GovukItems.cell(rule.what()), GovukItems.cell(rule.kept()),
                GovukItems.cell(rule.then()))).toList();
        String endsOn = schedule.periods().reviewEndsOn();
        Instant next = schedule.nextPurge();
        return Pages.view("staff/retention", new RetentionPage(
                GovukItems.columns("Records", "What they are", "Kept for", "Then"), rules,
                endsOn == null ? "" : endsOn, next == null ? "" : UkTime.moment(next)));
    }
}
