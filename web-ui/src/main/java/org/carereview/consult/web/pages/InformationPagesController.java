package org.carereview.consult.web.pages;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.retention.RetentionSchedule;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.web.Pages;

import java.util.HashMap;
import java.util.Map;

/** The start page and the pages every service has: privacy, accessibility and cookies. Plain content, open to all. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
public class InformationPagesController {

    @NotAudited("a public page")
    @Get
    public ModelAndView<Map<String, Object>> start() {
        return page("start");
    }

    private final RetentionSchedule retention;

    public InformationPagesController(RetentionSchedule retention) {
        this.retention = retention;
    }

    /** The privacy notice's periods come from the settings the retention purge uses (ADR 19). */
    @NotAudited("a public page")
    @Get("/privacy")
    public ModelAndView<Map<String, Object>> privacy() {
        RetentionSchedule.Periods p = retention.periods();
        Map<String, Object> keep = new HashMap<>();
        keep.put("drafts", p.drafts());
        keep.put("quarantined", p.quarantined());
        keep.put("withdrawn", p.withdrawn());
        keep.put("afterReviewEnds", p.afterReviewEnds());
        keep.put("reviewEndsOn", p.reviewEndsOn() == null ? "" : p.reviewEndsOn());
        keep.put("equality", p.equality());
        keep.put("sentMessages", p.sentMessages());
        keep.put("unusedAccounts", p.unusedAccounts());
        keep.put("audit", p.audit());
        return Pages.view("privacy", new PrivacyPage(keep));
    }

    @NotAudited("a public page")
    @Get("/accessibility")
    public ModelAndView<Map<String, Object>> accessibility() {
        return page("accessibility");
    }

    @NotAudited("a public page")
    @Get("/cookies")
    public ModelAndView<Map<String, Object>> cookies() {
        return page("cookies");
    }

    private static ModelAndView<Map<String, Object>> page(String view) {
        return Pages.view(view);
    }

    /** The privacy notice ({@code privacy}): how long each kind of record is kept, from the retention settings. */
    @Introspected
    record PrivacyPage(Map<String, Object> keep) {
    }
}
