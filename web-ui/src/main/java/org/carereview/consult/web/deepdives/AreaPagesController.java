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
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.deepdives.Links;
import org.carereview.consult.deepdives.Session;
import org.carereview.consult.deepdives.Sessions;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Staff see the areas, and each area's attributes, sessions and participant links, with what they can do there. */
@Controller("/staff/deep-dives")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class AreaPagesController {

    private static final Map<String, String> DONE = Map.of(
            "saved", "Area details saved.",
            "session", "Session added.",
            "session-flagged", "Session added. " + Session.WITHHELD + " We have emailed the safeguarding lead.",
            "closed", "Link closed. Feedback through it is no longer accepted.");

    private final Areas areas;
    private final Sessions sessions;
    private final Links links;

    private final AuditLog audit;

    AreaPagesController(Areas areas, Sessions sessions, Links links, AuditLog audit) {
        this.audit = audit;
        this.areas = areas;
        this.sessions = sessions;
        this.links = links;
    }

    @NotAudited("the list of areas")
    @Get
    HttpResponse<?> list(Authentication who) {
        return HttpResponse.ok(Pages.view("deepdives/areas", new AreasPage(Viewer.of(who).has(Role.ADMIN),
                GovukItems.columns("Area", "Region"), areas.list().stream().map(a -> List.of(
                        GovukItems.linkCell(a.name(), "/staff/deep-dives/areas/" + a.slug()),
                        GovukItems.cell(a.regionName()))).toList())));
    }

    @PersonalData
    @Get("/areas/{slug}")
    HttpResponse<?> show(@PathVariable String slug, Authentication who, @Nullable @QueryValue String done,
                         @Nullable @QueryValue String cards) {
        Area area = areas.find(slug).orElse(null);
        if (area == null) {
            return Pages.notFound();
        }
        List<Session> read = sessions.list(slug, Viewer.of(who));
        audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST, "deep-dive sessions area=" + slug, read.size());
        String banner = cards != null ? cards + " feedback " + ("1".equals(cards) ? "card" : "cards") + " saved."
                : done == null ? null : DONE.get(done);
        return HttpResponse.ok(Pages.view("deepdives/area", new AreaPage(area, Viewer.of(who).has(Role.ADMIN),
                attributes(area), read, Options.sessions(sessions.list(slug)),
                links.list(slug).stream().map(l -> Map.<String, Object>of("token", l.token(), "url", l.url(),
                        "session", l.session() == null ? "Any session" : l.session(), "made",
                        UkTime.day(l.createdAt()), "open", l.open())).toList(), banner)));
    }

    /**
     * One area ({@code deepdives/area}): its details as summary rows, whether the reader may change them, its sessions
     * (withheld ones as the reader may see them), the sessions to choose for a link, its participant links, and a
     * banner for what was just done (or null).
     */
    @Introspected
    record AreaPage(Area area, boolean admin, List<Map<String, Object>> rows, List<Session> sessions,
                    List<Map<String, Object>> sessionOptions, List<Map<String, Object>> links,
                    @Nullable String banner) {
    }

    static List<Map<String, Object>> attributes(Area a) {
        return List.of(
                GovukItems.row("Region", a.regionName()),
                GovukItems.row("Population", number(a.population())),
                GovukItems.row("Deprivation", known(a.deprivation())),
                GovukItems.row("Urban or rural", known(a.urbanRural())),
                GovukItems.row("Ofsted rating", known(a.ofstedRating())),
                GovukItems.row("Spend per child", a.spendPerChild() == null ? "Not known" : money(a.spendPerChild())),
                GovukItems.row("Children entering care in a year", number(a.childrenEnteringCare())));
    }

    private static String known(@Nullable String value) {
        return value == null ? "Not known" : value;
    }

    private static String number(@Nullable Integer value) {
        return value == null ? "Not known" : NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }

    private static String money(BigDecimal value) {
        return NumberFormat.getCurrencyInstance(Locale.UK).format(value);
    }
}
