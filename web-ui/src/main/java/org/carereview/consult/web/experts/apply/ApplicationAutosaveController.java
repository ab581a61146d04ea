package org.carereview.consult.web.experts.apply;

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
import org.carereview.consult.experts.ApplicationDraft;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.web.DraftCookie;

import java.util.Optional;

/**
 * Autosave for the application's section pages (assets/app/autosave.js): the page's script posts the form, as
 * the page would, while the person types and when they leave the page (its Back link, another tab, closing
 * it). Kept as typed, like "Save and come back later"; only Continue checks it. A form post like any other, so
 * it carries the CSRF field. Answers 204, 404 for a page that is not a section, 410 once the draft is gone from
 * this browser (sent, expired, or forgotten on this device).
 */
@Controller(Apply.BASE + "/application")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationAutosaveController {

    private final ApplicationDrafts drafts;

    ApplicationAutosaveController(ApplicationDrafts drafts) {
        this.drafts = drafts;
    }

    @Post("/{slug:[a-z-]+}/autosave")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> autosave(HttpRequest<?> request, @PathVariable String slug, @Body SectionForm form) {
        Optional<Section> section = Section.of(slug);
        if (section.isEmpty()) {
            return HttpResponse.notFound();
        }
        Optional<ApplicationDraft> draft = DraftCookie.APPLICATION.read(request).flatMap(drafts::find);
        if (draft.isEmpty()) {
            return HttpResponse.status(HttpStatus.GONE);
        }
        boolean kept = drafts.save(draft.get().id(), answers -> form.keptIn(answers, section.get())).isPresent();
        return kept ? HttpResponse.noContent() : HttpResponse.status(HttpStatus.GONE);
    }
}
