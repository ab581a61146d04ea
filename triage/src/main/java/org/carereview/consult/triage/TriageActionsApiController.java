package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.routes.LeadOrAdmin;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.core.safeguarding.SafeguardingActions;

import java.net.URI;
import java.util.UUID;

/**
 * Bulk actions, quarantine release and delete, the safeguarding lead's record of action taken, and the lead's
 * "not a disclosure" (clears the flag and teaches the learned check).
 */
@Controller("/api/v1/triage")
@ExecuteOn(TaskExecutors.BLOCKING)
class TriageActionsApiController {

    private final TriageActions actions;
    private final TriageBulk bulk;

    TriageActionsApiController(TriageActions actions, TriageBulk bulk) {
        this.actions = actions;
        this.bulk = bulk;
    }

    /**
     * {@code {ids | group, status?, assignee?, addThemes?, addDilemmas?}} → which were updated and which skipped, why.
     * {@code group} (a campaign's id, ADR 0034) selects every submission of that copy-and-paste campaign instead.
     */
    @Post("/bulk")
    @StaffOnly
    TriageBulk.Result bulk(@Nullable @Body JsonNode body, Authentication who) {
        JsonFields fields = new JsonFields(body);
        TriageBulk.Request request = new TriageBulk.Request(fields.strings("ids"), fields.string("group"), fields.string("status"),
                fields.has("assignee"), fields.string("assignee"), fields.strings("addThemes"), fields.strings("addDilemmas"));
        fields.check();
        return bulk.apply(request, Viewer.of(who));
    }

    @Post("/submissions/{id}/release")
    @StaffOnly
    @Status(HttpStatus.NO_CONTENT)
    void release(@PathVariable UUID id, Authentication who) {
        actions.release(id, Viewer.of(who));
    }

    /** Only a quarantined submission can be deleted. */
    @Delete("/submissions/{id}")
    @StaffOnly
    @Status(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, Authentication who) {
        actions.delete(id, Viewer.of(who));
    }

    /** {@code {action}}: what the lead did (referred, contacted, no further action and why). */
    @Post("/submissions/{id}/safeguarding-actions")
    @Status(HttpStatus.CREATED)
    @LeadOrAdmin
    HttpResponse<SafeguardingActions.Action> safeguardingAction(@PathVariable UUID id, @Nullable @Body JsonNode body,
                                                                Authentication who) {
        JsonFields fields = new JsonFields(body);
        String action = fields.string("action");
        fields.check();
        // The action is read with its submission.
        return HttpResponse.created(actions.recordSafeguardingAction(id, action, Viewer.of(who)),
                URI.create("/api/v1/triage/submissions/" + id));
    }

    /**
     * The lead (or an administrator) removes a flag because the submission is not a disclosure: the flag is cleared
     * as {@code PATCH {safeguarding: false}} clears it, and its text becomes an ordinary example the learned check
     * learns from, in one transaction. 204; 409 if it is not flagged; 404 for an unknown id and for anyone who
     * cannot see flagged submissions (reviewers).
     */
    @Post("/submissions/{id}/not-a-disclosure")
    @StaffOnly
    @Status(HttpStatus.NO_CONTENT)
    void notADisclosure(@PathVariable UUID id, Authentication who) {
        actions.notADisclosure(id, Viewer.of(who));
    }
}
