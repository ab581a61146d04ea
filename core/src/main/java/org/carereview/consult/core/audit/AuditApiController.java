package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.PersonalData;

import java.util.UUID;

/**
 * Administrators read the audit trail: newest first, filtered by actor (email or id), record (reference or
 * id), action and London days, in keyset pages. {@code /api/v1/triage/audit} stays as an alias, where
 * {@code submission} is the old name of {@code record}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@AdminOnly
class AuditApiController {

    private final AuditQuery query;
    private final AuditReport report;

    AuditApiController(AuditQuery query, AuditReport report) {
        this.query = query;
        this.report = report;
    }

    @Get(uris = {"/api/v1/admin/audit", "/api/v1/triage/audit"})
    @PersonalData
    AuditPage read(Authentication who, @Nullable @QueryValue String actor, @Nullable @QueryValue String record,
                   @Nullable @QueryValue String submission, @Nullable @QueryValue String action,
                   @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                   @Nullable @QueryValue String limit, @Nullable @QueryValue String after) {
        AuditTrail.Filter filter = query.parse(actor, record != null ? record : submission, action, from, to);
        return report.read(UUID.fromString(who.getName()), filter, after, size(limit));
    }

    /** Every event the filter matches as CSV (up to 10,000 rows); the export is itself audited. */
    @Get(value = "/api/v1/admin/audit/export.csv", produces = "text/csv")
    @PersonalData
    HttpResponse<String> csv(Authentication who, @Nullable @QueryValue String actor, @Nullable @QueryValue String record,
                             @Nullable @QueryValue String action, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to) {
        String csv = report.csv(UUID.fromString(who.getName()), query.parse(actor, record, action, from, to));
        return HttpResponse.ok(csv).header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    }

    private static int size(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "Limit must be a whole number from 1 to " + AuditTrail.MAX_PAGE);
        }
    }
}
