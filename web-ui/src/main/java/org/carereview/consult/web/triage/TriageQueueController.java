package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.triage.TriageBulk;
import org.carereview.consult.triage.TriageFilter;
import org.carereview.consult.triage.TriagePage;
import org.carereview.consult.triage.TriageQueue;
import org.carereview.consult.triage.campaigns.Campaigns;
import org.carereview.consult.web.Pages;

import java.util.List;

/** The triage queue: filter, search, page on, export, and change a selection at once. */
@Controller("/staff/triage")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class TriageQueueController {

    private final TriageQueue queue;
    private final TriageBulk bulk;
    private final Campaigns campaigns;
    private final AccountService accounts;
    private final Areas areas;

    TriageQueueController(TriageQueue queue, TriageBulk bulk, Campaigns campaigns, AccountService accounts, Areas areas) {
        this.campaigns = campaigns;
        this.queue = queue;
        this.bulk = bulk;
        this.accounts = accounts;
        this.areas = areas;
    }

    @PersonalData
    @Get
    HttpResponse<?> queue(HttpRequest<?> request, Authentication who) {
        QueueQuery query = QueueQuery.of(request.getParameters());
        return show(query, Viewer.of(who), Banners.queue(request.getParameters()), List.of());
    }

    @Post("/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> bulk(@Body BulkForm form, Authentication who) {
        Viewer viewer = Viewer.of(who);
        QueueQuery query = form.query();
        if (!form.selectsSomething()) {
            return show(query, viewer, null, List.of(new FieldError("ids", "Select at least one submission")));
        }
        if (!form.changesSomething()) {
            return show(query, viewer, null, List.of(new FieldError("bulkAssignee",
                    "Choose who to assign them to, a theme to add or a status to set")));
        }
        try {
            TriageBulk.Result result = bulk.apply(form.request(), viewer);
            return Pages.seeOther(query.path(true, Banners.bulkResult(result)));
        } catch (InvalidInputException e) {
            return show(query, viewer, null, e.errors().stream().map(TriageQueueController::bulkField).toList());
        }
    }

    /** The queue page; with errors it answers 422 (an unreadable filter, or a bulk form to correct). */
    private HttpResponse<?> show(QueueQuery query, Viewer viewer, @Nullable String banner, List<FieldError> formErrors) {
        StaffDirectory staff = new StaffDirectory(accounts);
        TriagePage page = null;
        Campaigns.Campaign campaign = null;
        List<FieldError> errors = formErrors;
        try {
            TriageFilter filter = query.filter(viewer);
            page = queue.page(filter, viewer, blankToNull(query.after()), null);
            campaign = filter.group() == null ? null : campaigns.group(filter.group(), viewer.seesFlagged()).orElse(null);
        } catch (InvalidInputException e) {
            errors = e.errors().stream().map(f -> filterField(f, query)).toList();
        }
        QueuePage model = QueuePage.of(query, viewer, page, staff, areas.list(), banner, campaign);
        if (errors.isEmpty()) {
            return HttpResponse.ok(Pages.view(QueuePage.VIEW, model)).header("Cache-Control", "no-store");
        }
        return Pages.invalid(QueuePage.VIEW, model, errors);
    }

    /** A stale cursor links back to the first page of the same filters; other errors link to their field. */
    private static FieldError filterField(FieldError error, QueueQuery query) {
        return error.field().equals("after")
                ? new FieldError(query.path(false), "These results have changed: go back to the first page") : error;
    }

    private static FieldError bulkField(FieldError error) {
        return switch (error.field()) {
            case "addThemes" -> new FieldError("bulkTheme", error.message());
            case "status" -> new FieldError("bulkStatus", error.message());
            case "assignee" -> new FieldError("bulkAssignee", error.message());
            case "group" -> new FieldError("wholeGroup", error.message());
            default -> new FieldError("ids", error.message());
        };
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
