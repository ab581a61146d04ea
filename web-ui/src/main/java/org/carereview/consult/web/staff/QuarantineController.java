package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.core.submission.Quarantine;
import org.carereview.consult.core.submission.QuarantineReason;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.triage.TriageActions;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Staff see what the spam defences held back, and release or delete it. */
@Controller("/staff/quarantine")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class QuarantineController {

    /** What the spam defences held back ({@code staff/quarantine}): id, reference, reason in words and day sent. */
    @Introspected
    record QuarantinePage(List<Map<String, String>> held) {
    }

    private final Quarantine quarantine;
    /** Releasing or deleting goes through triage, so the change is in the submission's history and the audit log. */
    private final TriageActions actions;

    private final AuditLog audit;

    QuarantineController(Quarantine quarantine, TriageActions actions, AuditLog audit) {
        this.audit = audit;
        this.quarantine = quarantine;
        this.actions = actions;
    }

    @PersonalData
    @Get
    ModelAndView<Map<String, Object>> list(Authentication who) {
        Viewer viewer = Viewer.of(who);
        List<Quarantine.Held> held = quarantine.list(viewer);
        audit.recordList(viewer.accountId(), AuditAction.LIST, "quarantine", held.size());
        return Pages.view("staff/quarantine", new QuarantinePage(held.stream().map(h -> Map.of(
                "id", h.id().toString(),
                "reference", h.reference(),
                "reason", QuarantineReason.describe(h.reason()),
                "submitted", UkTime.day(h.submittedAt()))).toList()));
    }

    @Post("/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> release(@PathVariable UUID id, Authentication who) {
        actions.release(id, Viewer.of(who));
        return Pages.seeOther("/staff/quarantine");
    }

    @Post("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(@PathVariable UUID id, Authentication who) {
        actions.delete(id, Viewer.of(who));
        return Pages.seeOther("/staff/quarantine");
    }
}
