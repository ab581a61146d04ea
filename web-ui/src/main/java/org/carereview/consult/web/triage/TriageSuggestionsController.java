package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.triage.TagSuggestions;
import org.carereview.consult.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deciding suggested themes and dilemmas (ADR 0035): one at a time from a submission's page, or many at once from the
 * page of every submission with an open suggestion of one theme.
 */
@Controller("/staff/triage")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class TriageSuggestionsController {

    /** One decision from a submission's page. */
    @Serdeable
    record Decision(@Nullable String frame, @Nullable String code, @Nullable String decision) {
    }

    /** Many decisions: the ticked submissions, the theme they were suggested, accept or reject. */
    @Serdeable
    record Decisions(@Nullable List<String> ids, @Nullable String theme, @Nullable String decision) {
    }

    private final TagSuggestions suggestions;
    private final SubmissionResponses responses;

    TriageSuggestionsController(TagSuggestions suggestions, SubmissionResponses responses) {
        this.suggestions = suggestions;
        this.responses = responses;
    }

    @Post("/{id}/suggestions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(@PathVariable String id, @Body Decision form, Authentication who) {
        boolean accept = "accept".equals(form.decision());
        return responses.post(id, Viewer.of(who), Map.of(), "suggestions", (uuid, viewer) -> {
            if (accept) {
                suggestions.accept(uuid, form.frame(), form.code(), viewer);
            } else {
                suggestions.reject(uuid, form.frame(), form.code(), viewer);
            }
            return TriageSubmissionController.saved(uuid, accept ? "suggestion-accepted" : "suggestion-rejected");
        });
    }

    @PersonalData
    @Get("/suggestions")
    HttpResponse<?> page(HttpRequest<?> request, Authentication who) {
        String theme = request.getParameters().get("theme");
        return show(theme == null || theme.isBlank() ? "SUPPORT" : theme, Viewer.of(who),
                Banners.queue(request.getParameters()), List.of());
    }

    @Post("/suggestions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decideMany(@Body Decisions form, Authentication who) {
        Viewer viewer = Viewer.of(who);
        String theme = form.theme() == null ? "" : form.theme();
        if (form.ids() == null || form.ids().isEmpty()) {
            return show(theme, viewer, null, List.of(new FieldError("ids", "Select at least one submission")));
        }
        List<UUID> ids = new ArrayList<>();
        for (String raw : form.ids()) {
            try {
                ids.add(UUID.fromString(raw));
            } catch (IllegalArgumentException e) {
                return show(theme, viewer, null, List.of(new FieldError("ids", "Select submissions from the list")));
            }
        }
        try {
            List<UUID> decided = suggestions.decideAll(ids, "THEME", theme, "accept".equals(form.decision()), viewer);
            return Pages.seeOther("/staff/triage/suggestions?theme=" + QueueQuery.encode(theme) + "&updated="
                    + decided.size() + "&skipped=" + (ids.size() - decided.size()));
        } catch (InvalidInputException e) {
            return show(theme, viewer, null, e.errors());
        }
    }

    /** The page; 422 with the errors linked to their fields when there are any. */
    private HttpResponse<?> show(String theme, Viewer viewer, @Nullable String banner, List<FieldError> errors) {
        try {
            SuggestionsPage model = SuggestionsPage.model(theme, suggestions.open("THEME", theme, viewer), banner);
            return errors.isEmpty() ? HttpResponse.ok(Pages.view(SuggestionsPage.VIEW, model)).header("Cache-Control", "no-store")
                    : Pages.invalid(SuggestionsPage.VIEW, model, errors);
        } catch (InvalidInputException e) {
            return Pages.invalid(SuggestionsPage.VIEW, SuggestionsPage.model("SUPPORT", List.of(), null), e.errors().stream()
                    .map(f -> new FieldError("theme", "Choose a theme from the list")).toList());
        }
    }
}
