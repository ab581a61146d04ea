package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.redaction.Kind;
import org.carereview.consult.core.redaction.RedactedSubmission;
import org.carereview.consult.core.redaction.Redactions;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A submission's answers as written and as reviewers' exports and scorers read them, and the forms that correct
 * the redaction: take out words the service missed, keep words it took out by mistake, undo a correction (ADR 22).
 */
@Controller("/staff/triage/{id}/redaction")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly
class TriageRedactionController {

    /** Mistakes shown on their own input; any other is shown on the answer's heading. */
    private static final List<String> ON_ITS_INPUT = List.of("words", "kind");

    private final Redactions redactions;

    TriageRedactionController(Redactions redactions) {
        this.redactions = redactions;
    }

    @PersonalData
    @Get
    HttpResponse<?> page(@PathVariable String id, @Nullable @QueryValue String done, Authentication who) {
        return SubmissionResponses.id(id).flatMap(uuid -> redactions.open(uuid, Viewer.of(who)))
                .<HttpResponse<?>>map(s -> HttpResponse.ok(Pages.view(RedactionPage.VIEW,
                        RedactionPage.model(s, done, Map.of()))).header("Cache-Control", "no-store"))
                .orElseGet(SubmissionResponses::notFound);
    }

    @Post("/take-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> takeOut(@PathVariable String id, @Body RedactionForm form, Authentication who) {
        String field = form.field() == null ? "" : form.field();
        return post(id, who, field, Map.of("words-" + field, form.words() == null ? "" : form.words(),
                "kind-" + field, form.kind() == null ? "" : form.kind()), "taken-out",
                uuid -> redactions.takeOut(uuid, Viewer.of(who), field, Kind.parse(form.kind(), "kind"), form.words()));
    }

    @Post("/keep")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> keep(@PathVariable String id, @Body RedactionForm form, Authentication who) {
        String field = form.field() == null ? "" : form.field();
        return post(id, who, field, Map.of(), "kept",
                uuid -> redactions.keep(uuid, Viewer.of(who), field, number(form.start(), "start")));
    }

    @Post("/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> undo(@PathVariable String id, @Body RedactionForm form, Authentication who) {
        String field = form.field() == null ? "" : form.field();
        return post(id, who, field, Map.of(), "undone",
                uuid -> redactions.undo(uuid, Viewer.of(who), field, number(form.index(), "index")));
    }

    private interface Change {
        Optional<RedactedSubmission> run(UUID id);
    }

    /** Post/redirect/get; a mistake is shown on the page again (422), on the answer's own form. */
    private HttpResponse<?> post(String rawId, Authentication who, String field, Map<String, String> typed,
                                 String done, Change change) {
        Optional<UUID> id = SubmissionResponses.id(rawId);
        if (id.isEmpty()) {
            return SubmissionResponses.notFound();
        }
        try {
            return change.run(id.get()).<HttpResponse<?>>map(s -> Pages.seeOther("/staff/triage/" + s.id()
                    + "/redaction?done=" + done)).orElseGet(SubmissionResponses::notFound);
        } catch (InvalidInputException e) {
            List<FieldError> errors = e.errors().stream()
                    .map(error -> new FieldError(ON_ITS_INPUT.contains(error.field()) ? error.field() + "-" + field
                            : "answer-" + field, error.message())).toList();
            Supplier<HttpResponse<?>> missing = SubmissionResponses::notFound;
            return redactions.open(id.get(), Viewer.of(who))
                    .<HttpResponse<?>>map(s -> Pages.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, RedactionPage.VIEW,
                            RedactionPage.model(s, null, typed), errors))
                    .orElseGet(missing);
        }
    }

    private static int number(@Nullable String raw, String field) {
        try {
            return Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Choose one of the corrections or words shown");
        }
    }
}
