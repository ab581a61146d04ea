package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.triage.TriageActions;
import org.carereview.consult.triage.TriageChange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One submission: read it (audited), tag it, assign it, move its status on, flag it, add notes. */
@Controller("/staff/triage/{id}")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class TriageSubmissionController {

    private final SubmissionResponses responses;
    private final TriageActions actions;
    TriageSubmissionController(SubmissionResponses responses, TriageActions actions) {
        this.responses = responses;
        this.actions = actions;
    }

    @PersonalData
    @Get
    HttpResponse<?> show(@PathVariable String id, @Nullable @QueryValue String saved, Authentication who) {
        return responses.page(id, Viewer.of(who), Banners.saved(saved));
    }

    @Post("/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> tags(@PathVariable String id, @Body SubmissionForm form, Authentication who) {
        // Unticking every box posts nothing: that means "no themes", not "leave them alone".
        TriageChange change = new TriageChange(null, false, null, orEmpty(form.themes()), orEmpty(form.dilemmas()), null);
        return change(id, who, change, "tags", "themes");
    }

    @Post("/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> assign(@PathVariable String id, @Body SubmissionForm form, Authentication who) {
        return change(id, who, new TriageChange(null, true, form.assignee(), null, null, null), "assignee", "assignee");
    }

    @Post("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> status(@PathVariable String id, @Body SubmissionForm form, Authentication who) {
        if (form.status() == null || form.status().isBlank()) {
            return change(id, who, null, "status", "status");
        }
        return change(id, who, new TriageChange(form.status(), false, null, null, null, null), "status", "status");
    }

    /** Anyone on staff may flag; afterwards only the lead and administrators can see it, so back to the queue. */
    @Post("/flag")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> flag(@PathVariable String id, @Body SubmissionForm form, Authentication who) {
        return responses.post(id, Viewer.of(who), Map.of(), "flag", (uuid, viewer) -> {
            actions.update(uuid, new TriageChange(null, false, null, null, null, true), viewer);
            if (viewer.seesFlagged()) {
                return "/staff/triage/" + uuid;
            }
            return "/staff/triage?flagged=" + QueueQuery.encode(form.reference() == null ? "" : form.reference());
        });
    }

    @Post("/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> note(@PathVariable String id, @Body SubmissionForm form, Authentication who) {
        return responses.post(id, Viewer.of(who), typed("text", form.text()), "text", (uuid, viewer) -> {
            actions.addNote(uuid, form.text(), viewer);
            return saved(uuid, "note");
        });
    }

    private HttpResponse<?> change(String id, Authentication who, @Nullable TriageChange change, String saved,
                                   String field) {
        return responses.post(id, Viewer.of(who), Map.of(), field, (uuid, viewer) -> {
            List<String> changed = change == null ? List.of() : actions.update(uuid, change, viewer);
            return saved(uuid, changed.isEmpty() ? "nothing" : saved);
        });
    }

    static String saved(UUID id, String what) {
        return "/staff/triage/" + id + "?saved=" + what;
    }

    static Map<String, String> typed(String field, @Nullable String value) {
        Map<String, String> typed = new HashMap<>();
        typed.put(field, value);
        return typed;
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }
}
