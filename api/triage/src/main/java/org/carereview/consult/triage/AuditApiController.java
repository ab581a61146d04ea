package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditPage;
import org.carereview.consult.core.audit.AuditTrail;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Administrators read the audit trail: newest first, by actor, submission or action, in keyset pages. */
@Controller("/api/v1/triage/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @Get
    AuditPage read(@Nullable @QueryValue String actor, @Nullable @QueryValue String submission,
                   @Nullable @QueryValue String action, @Nullable @QueryValue String limit,
                   @Nullable @QueryValue String after) {
        List<FieldError> errors = new ArrayList<>();
        UUID actorId = uuid(actor, "actor", errors);
        UUID submissionId = uuid(submission, "submission", errors);
        AuditAction auditAction = null;
        if (action != null && !action.isBlank()) {
            try {
                auditAction = AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("action", "Not an action the audit log records"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Integer size = Limits.parse(limit);
        return trail.read(new AuditTrail.Filter(actorId, submissionId, auditAction), after, size == null ? 50 : size);
    }

    @Nullable
    private static UUID uuid(@Nullable String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "Give an id"));
            return null;
        }
    }
}
