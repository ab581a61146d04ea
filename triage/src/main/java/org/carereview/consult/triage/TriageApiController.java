package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;

import java.net.URI;
import java.util.UUID;

/** The triage queue and one submission (README, "Triage and safeguarding"). */
@Controller("/api/v1/triage/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly
class TriageApiController {

    private final TriageQueue queue;
    private final TriageDetails details;
    private final TriageActions actions;

    TriageApiController(TriageQueue queue, TriageDetails details, TriageActions actions) {
        this.queue = queue;
        this.details = details;
        this.actions = actions;
    }

    @PersonalData
    @Get
    TriagePage list(@RequestBean TriageQuery query, @Nullable @QueryValue String limit,
                    @Nullable @QueryValue String after, Authentication who) {
        Viewer viewer = Viewer.of(who);
        TriageFilter filter = query.filter(viewer.accountId());
        return queue.page(filter, viewer, after, Limits.parse(limit));
    }

    @PersonalData
    @Get("/{id}")
    TriageSubmission read(@PathVariable UUID id, Authentication who) {
        return details.open(id, Viewer.of(who)).orElseThrow(TriageActions::notFound);
    }

    /** {@code {status?, assignee?, themes?, dilemmas?, safeguarding?}}; answers the submission as it now is. */
    @Patch("/{id}")
    @ApiResponse(responseCode = "200", description = "The submission as it now is")
    @ApiResponse(responseCode = "204", description = "Changed, and the caller may no longer see it (flagged for safeguarding)")
    HttpResponse<TriageSubmission> update(@PathVariable UUID id, @Nullable @Body JsonNode body, Authentication who) {
        JsonFields fields = new JsonFields(body);
        TriageChange change = new TriageChange(fields.string("status"), fields.has("assignee"), fields.string("assignee"),
                fields.strings("themes"), fields.strings("dilemmas"), fields.bool("safeguarding"));
        fields.check();
        Viewer viewer = Viewer.of(who);
        actions.update(id, change, viewer);
        return details.open(id, viewer).map(HttpResponse::ok)
                .orElseGet(HttpResponse::noContent);
    }

    @Post("/{id}/notes")
    @Status(HttpStatus.CREATED)
    HttpResponse<TriageSubmission.Note> note(@PathVariable UUID id, @Nullable @Body JsonNode body, Authentication who) {
        JsonFields fields = new JsonFields(body);
        String text = fields.string("text");
        fields.check();
        // The note is read with its submission.
        return HttpResponse.created(actions.addNote(id, text, Viewer.of(who)), URI.create("/api/v1/triage/submissions/" + id));
    }
}
