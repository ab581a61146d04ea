package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.routes.LeadOrAdmin;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.triage.TriageActions;
import org.carereview.consult.triage.TriageChange;
import org.carereview.consult.triage.TriageDetails;
import org.carereview.consult.web.Pages;

import java.util.Map;

/**
 * Releasing or deleting a submission held back as possible spam (delete asks first), and the safeguarding
 * lead's record of the action taken on a flagged one.
 */
@Controller("/staff/triage/{id}")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class TriageCareController {

    private final SubmissionResponses responses;
    private final TriageActions actions;
    private final TriageDetails details;

    TriageCareController(SubmissionResponses responses, TriageActions actions, TriageDetails details) {
        this.responses = responses;
        this.actions = actions;
        this.details = details;
    }

    @Post("/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly
    HttpResponse<?> release(@PathVariable String id, Authentication who) {
        return responses.post(id, Viewer.of(who), Map.of(), "release", (uuid, viewer) -> {
            actions.release(uuid, viewer);
            return TriageSubmissionController.saved(uuid, "released");
        });
    }

    /** Asks to confirm deleting what the spam defences held back ({@code triage/delete}). */
    @Introspected
    record DeletePage(String id, String reference) {
    }

    /** "Are you sure?": deleting cannot be undone. */
    @PersonalData
    @Get("/delete")
    @StaffOnly
    HttpResponse<?> confirmDelete(@PathVariable String id, Authentication who) {
        return SubmissionResponses.id(id).flatMap(uuid -> details.open(uuid, Viewer.of(who)))
                .<HttpResponse<?>>map(s -> s.status() != SubmissionStatus.QUARANTINED
                        ? Pages.seeOther("/staff/triage/" + s.id())
                        : HttpResponse.ok(Pages.view("triage/delete",
                                new DeletePage(s.id().toString(), s.reference()))))
                .orElseGet(SubmissionResponses::notFound);
    }

    @Post("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly
    HttpResponse<?> delete(@PathVariable String id, @Body SubmissionForm form, Authentication who) {
        return responses.post(id, Viewer.of(who), Map.of(), "release", (uuid, viewer) -> {
            actions.delete(uuid, viewer);
            return "/staff/triage?status=QUARANTINED&deleted="
                    + QueueQuery.encode(form.reference() == null ? "" : form.reference());
        });
    }

    @Post("/safeguarding-actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @LeadOrAdmin
    HttpResponse<?> recordAction(@PathVariable String id, @Body SubmissionForm form, Authentication who) {
        return responses.post(id, Viewer.of(who), TriageSubmissionController.typed("action", form.action()), "action",
                (uuid, viewer) -> {
                    actions.recordSafeguardingAction(uuid, form.action(), viewer);
                    return TriageSubmissionController.saved(uuid, "action");
                });
    }

    /**
     * The lead (or an administrator) removes the flag once a disclosure has been dealt with: the submission goes back
     * to the ordinary queue, visible to reviewers again; the change is kept in its history. The screening does not
     * learn from this (it was a disclosure): for a flag that was a mistake, see {@link #notADisclosure}.
     */
    @Post("/unflag")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @LeadOrAdmin
    HttpResponse<?> unflag(@PathVariable String id, Authentication who) {
        return responses.post(id, Viewer.of(who), Map.of(), "unflag", (uuid, viewer) -> {
            actions.update(uuid, new TriageChange(null, false, null, null, null, false), viewer);
            return TriageSubmissionController.saved(uuid, "unflagged");
        });
    }

    /**
     * The lead (or an administrator) finds it was not a disclosure: the flag is removed as above and, in the same
     * transaction, its text is added to the examples the screening's learned check learns from, as one that only
     * talks about harm.
     */
    @Post("/not-a-disclosure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @LeadOrAdmin
    HttpResponse<?> notADisclosure(@PathVariable String id, Authentication who) {
        return responses.post(id, Viewer.of(who), Map.of(), "unflag", (uuid, viewer) -> {
            actions.notADisclosure(uuid, viewer);
            return TriageSubmissionController.saved(uuid, "not-a-disclosure");
        });
    }
}
