package org.carereview.consult.web.advice;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.AdviceInput;
import org.carereview.consult.advice.AdviceService;
import org.carereview.consult.advice.Draft;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.Pages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One question per page; whatever a page posts is saved to the draft on the server, as typed, before it is
 * checked: "Save and come back later" keeps an unfinished page, and only Continue checks it.
 */
@Controller("/call-for-advice")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceQuestionsController {

    private final AdviceDrafts drafts;
    private final AdviceService advice;
    private final AdviceSavedDrafts saved;

    AdviceQuestionsController(AdviceDrafts drafts, AdviceService advice, AdviceSavedDrafts saved) {
        this.drafts = drafts;
        this.advice = advice;
        this.saved = saved;
    }

    @NotAudited("the person's own draft")
    @Get("/{slug:[a-z-]+}")
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String change) {
        Optional<Step> step = Step.of(slug);
        if (step.isEmpty()) {
            return Pages.notFound();
        }
        Optional<Draft> draft = DraftCookie.ADVICE.read(request).flatMap(drafts::find);
        if (draft.isEmpty()) {
            return Pages.seeOther("/call-for-advice?expired=1");
        }
        AdviceInput answers = draft.get().answers();
        if (!step.get().applies(answers)) {
            return Pages.seeOther(step.get().next(answers).map(Step::path).orElse("/call-for-advice/check"));
        }
        return HttpResponse.ok(Pages.view(step.get().view, QuestionModel.of(step.get(), answers, "1".equals(change), advice.maxAnswerLength())));
    }

    @Post("/{slug:[a-z-]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(HttpRequest<?> request, @PathVariable String slug, @Body AnswerForm form) {
        Optional<Step> found = Step.of(slug);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        Step step = found.get();
        Optional<Draft> draft = DraftCookie.ADVICE.read(request).flatMap(drafts::find);
        if (draft.isEmpty()) {
            return Pages.seeOther("/call-for-advice?expired=1");
        }
        // What is on the page goes into the draft as typed before anything is checked: "Save and come back
        // later" keeps an unfinished page, and a page Continue refuses is not lost.
        Optional<Instant> expires = drafts.save(draft.get().id(), state -> form.keptIn(state, step));
        if (expires.isEmpty()) {
            return Pages.seeOther("/call-for-advice?expired=1");
        }
        if (form.saveForLater()) {
            return saved.saved(drafts.resumeCode(draft.get().id()), expires.get(), step.path());
        }
        AdviceInput updated = form.applyTo(draft.get().answers(), step);
        List<FieldError> errors = advice.checkPage(updated, step.fields);
        if (!errors.isEmpty()) {
            return Pages.invalid(step.view, QuestionModel.of(step, updated, form.returnToCheck(), advice.maxAnswerLength()), errors);
        }
        String next = form.returnToCheck() ? "/call-for-advice/check"
                : step.next(updated).map(Step::path).orElse("/call-for-advice/check");
        return Pages.seeOther(next);
    }
}
