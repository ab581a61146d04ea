package org.carereview.consult.web.advice;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.Draft;
import org.carereview.consult.web.DraftCookie;

import java.util.Optional;

/**
 * Autosave for the question pages (assets/app/autosave.js): the page's script posts the form, as the page
 * would, while the person types and when they leave the page (its Back link, another tab, closing it). Kept as
 * typed, like "Save and come back later"; only Continue checks it. A form post like any other, so it carries
 * the CSRF field. Answers 204, 404 for a page that is not a question, 410 once the draft is gone from this
 * browser (sent, expired, or forgotten on this device).
 */
@Controller("/call-for-advice")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceAutosaveController {

    private final AdviceDrafts drafts;

    AdviceAutosaveController(AdviceDrafts drafts) {
        this.drafts = drafts;
    }

    @Post("/{slug:[a-z-]+}/autosave")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> autosave(HttpRequest<?> request, @PathVariable String slug, @Body AnswerForm form) {
        Optional<Step> step = Step.of(slug);
        if (step.isEmpty()) {
            return HttpResponse.notFound();
        }
        Optional<Draft> draft = DraftCookie.ADVICE.read(request).flatMap(drafts::find);
        if (draft.isEmpty()) {
            return HttpResponse.status(HttpStatus.GONE);
        }
        boolean kept = drafts.save(draft.get().id(), state -> form.keptIn(state, step.get())).isPresent();
        return kept ? HttpResponse.noContent() : HttpResponse.status(HttpStatus.GONE);
    }
}
