package org.carereview.consult.web.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.Draft;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.ResumeCodeGuard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The start page, starting a draft, and coming back to one by resume code or emailed link. */
@Controller("/call-for-advice")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceStartController {


    @Serdeable
    record CodeForm(@Nullable String code) {
    }

    @Serdeable
    record EmailForm(@Nullable String email) {
    }

    private final AdviceDrafts drafts;
    private final RateLimiter rateLimiter;

    AdviceStartController(AdviceDrafts drafts, RateLimiter rateLimiter) {
        this.drafts = drafts;
        this.rateLimiter = rateLimiter;
    }

    @Get
    HttpResponse<?> start(HttpRequest<?> request, @Nullable @QueryValue String expired) {
        boolean hasDraft = DraftCookie.ADVICE.read(request).flatMap(drafts::find).isPresent();
        return HttpResponse.ok(Pages.view("advice/start", Map.of("hasDraft", hasDraft, "expired", expired != null)));
    }

    @Post("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> begin(HttpRequest<?> request, @Nullable Authentication authentication) {
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        Draft draft = drafts.start(owner);
        return Pages.seeOther(Step.WHO.path()).cookie(DraftCookie.ADVICE.set(draft.id(), request, drafts.lifetime()));
    }

    @Get("/resume")
    HttpResponse<?> resumeForm() {
        return HttpResponse.ok(Pages.view("advice/resume", Map.of("code", "")));
    }

    @Post("/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resume(HttpRequest<?> request, @Body CodeForm form) {
        String code = form.code() == null ? "" : form.code();
        Optional<HttpResponse<?>> refused = ResumeCodeGuard.tooManyGuesses(rateLimiter, request, "advice/resume", code);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (code.isBlank()) {
            return Pages.invalid("advice/resume", Map.of("code", code),
                    List.of(new FieldError("code", "Enter your resume code")));
        }
        Optional<Draft> draft = drafts.resumeByCode(code);
        if (draft.isEmpty()) {
            return Pages.invalid("advice/resume", Map.of("code", code), List.of(new FieldError("code",
                    "We could not find answers with that code. Check the code and try again. Answers are deleted after "
                            + drafts.lifetime().toDays() + " days.")));
        }
        return Pages.seeOther("/call-for-advice/check").cookie(DraftCookie.ADVICE.set(draft.get().id(), request, drafts.lifetime()));
    }

    @Post("/saved/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> emailLink(HttpRequest<?> request, @Body EmailForm form) {
        Optional<UUID> draft = DraftCookie.ADVICE.read(request);
        if (draft.isEmpty() || drafts.find(draft.get()).isEmpty()) {
            return Pages.seeOther("/call-for-advice?expired=1");
        }
        String email = form.email() == null ? "" : form.email().strip();
        try {
            drafts.emailLink(draft.get(), email);
        } catch (InvalidInputException e) {
            return Pages.invalid("advice/saved-email", Map.of("email", email), e.errors());
        }
        return HttpResponse.ok(Pages.view("advice/link-sent", Map.of("email", email)));
    }

    @Get("/resume/{token}")
    HttpResponse<?> linkLanding(@PathVariable String token) {
        return HttpResponse.ok(Pages.view("advice/resume-link", Map.of("token", token)));
    }

    /** The emailed link opens a page with a button, so a mail scanner fetching the link cannot use it up. */
    @Post("/resume/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resumeByLink(HttpRequest<?> request, @PathVariable String token) {
        return drafts.resumeByLink(token)
                .<HttpResponse<?>>map(d -> Pages.seeOther("/call-for-advice/check")
                        .cookie(DraftCookie.ADVICE.set(d.id(), request, drafts.lifetime())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND).body(Pages.view("advice/link-expired", Map.of())));
    }
}
