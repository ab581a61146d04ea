package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditQuery;
import org.carereview.consult.core.audit.AuditReport;
import org.carereview.consult.core.audit.AuditTrail;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Administrators read the audit log: who viewed, changed or exported what, and when; filtered; as CSV. */
@Controller("/staff/admin/audit")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {

    private static final int PAGE = 50;
    private static final List<Map<String, Object>> HEAD = List.of(GovukItems.column("When (UK time)"),
            GovukItems.column("Who"), GovukItems.column("What they did"), GovukItems.column("Record"),
            GovukItems.column("Detail"), GovukItems.numericColumn("Rows"));

    private final AuditQuery query;
    private final AuditReport report;
    private final AccountService accounts;

    AuditPageController(AuditQuery query, AuditReport report, AccountService accounts) {
        this.query = query;
        this.report = report;
        this.accounts = accounts;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @PersonalData
    HttpResponse<?> show(Authentication who, @Nullable @QueryValue String actor, @Nullable @QueryValue String record,
                         @Nullable @QueryValue String action, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to, @Nullable @QueryValue String after) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("actor", text(actor));
        typed.put("record", text(record));
        typed.put("action", text(action));
        typed.put("from", text(from));
        typed.put("to", text(to));
        try {
            AuditReport.Page page = report.page(UUID.fromString(who.getName()),
                    query.parse(actor, record, action, from, to), after, PAGE);
            return HttpResponse.ok(Pages.view("staff/audit", page(typed,
                    page.rows().stream().map(AuditPageController::row).toList(),
                    page.next() == null ? "" : queryString(typed) + "&after=" + page.next())));
        } catch (InvalidInputException e) {
            return Pages.invalid("staff/audit", page(typed, List.of(), ""), e.errors());
        }
    }

    private AuditPage page(Map<String, String> typed, List<List<Map<String, Object>>> rows, String next) {
        return new AuditPage(typed, staffOptions(), actionOptions(), HEAD, rows, queryString(typed), next);
    }

    private static List<Map<String, Object>> row(AuditReport.Row row) {
        return List.of(GovukItems.cell(row.when()), GovukItems.cell(row.entry().actorId() == null ? "The service"
                        : row.actorEmail().isEmpty() ? "A deleted account" : row.actorEmail()),
                GovukItems.cell(AuditWords.of(row.entry().action())),
                GovukItems.cell(row.entry().submissionId() == null ? "" : row.reference().isEmpty()
                        ? "A deleted record" : row.reference()),
                GovukItems.cell(row.entry().detail() == null ? "" : row.entry().detail()),
                GovukItems.numeric(row.entry().rowCount() == null ? "" : String.valueOf(row.entry().rowCount())));
    }

    private List<Map<String, Object>> staffOptions() {
        List<Map<String, Object>> options = new ArrayList<>();
        options.add(Map.of("value", "", "text", "Anyone"));
        accounts.staff().forEach(a -> options.add(Map.of("value", a.email(), "text", a.email())));
        return options;
    }

    private static List<Map<String, Object>> actionOptions() {
        List<Map<String, Object>> options = new ArrayList<>();
        options.add(Map.of("value", "", "text", "Any action"));
        for (AuditAction action : AuditAction.values()) {
            options.add(Map.of("value", action.name(), "text", AuditWords.of(action)));
        }
        return options;
    }

    private static String queryString(Map<String, String> typed) {
        StringBuilder q = new StringBuilder();
        typed.forEach((name, value) -> q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return q.toString();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
