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
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("filter", typed);
        model.put("staff", staffOptions());
        model.put("actions", actionOptions());
        model.put("rows", List.of());
        model.put("query", queryString(typed));
        try {
            AuditReport.Page page = report.page(UUID.fromString(who.getName()),
                    query.parse(actor, record, action, from, to), after, PAGE);
            model.put("rows", page.rows().stream().map(AuditPageController::row).toList());
            model.put("next", page.next() == null ? "" : queryString(typed) + "&after=" + page.next());
            return HttpResponse.ok(Pages.view("staff/audit", model));
        } catch (InvalidInputException e) {
            model.put("next", "");
            return Pages.invalid("staff/audit", model, e.errors());
        }
    }

    private static Map<String, String> row(AuditReport.Row row) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("when", row.when());
        cells.put("who", row.entry().actorId() == null ? "The service" : row.actorEmail().isEmpty()
                ? "A deleted account" : row.actorEmail());
        cells.put("action", AuditWords.of(row.entry().action()));
        cells.put("record", row.entry().submissionId() == null ? "" : row.reference().isEmpty()
                ? "A deleted record" : row.reference());
        cells.put("detail", row.entry().detail() == null ? "" : row.entry().detail());
        cells.put("rows", row.entry().rowCount() == null ? "" : String.valueOf(row.entry().rowCount()));
        return cells;
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
