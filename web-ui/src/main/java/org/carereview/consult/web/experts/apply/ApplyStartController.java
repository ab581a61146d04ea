package org.carereview.consult.web.experts.apply;

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
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.experts.ApplicationWindow;
import org.carereview.consult.experts.Window;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.ResumeCodeGuard;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The start page, starting an application, and coming back to one by resume code or emailed link. */
@Controller(ApplicationDrafts.BASE)
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplyStartController {


    @Serdeable
    record CodeForm(@Nullable String code) {
    }

    @Serdeable
    record EmailForm(@Nullable String email) {
    }

    private final ApplicationDrafts drafts;
    private final ApplicationWindow window;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    ApplyStartController(ApplicationDrafts drafts, ApplicationWindow window, RateLimiter rateLimiter, Clock clock) {
        this.drafts = drafts;
        this.window = window;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> start(HttpRequest<?> request, @Nullable @QueryValue String expired) {
        Window w = window.current();
        Map<String, Object> model = new HashMap<>();
        model.put("open", w.open());
        model.put("notYetOpen", clock.instant().isBefore(w.opensAt()));
        model.put("opensInWords", ApplicationWindow.inWords(w.opensAt()));
        model.put("closesInWords", ApplicationWindow.inWords(w.closesAt()));
        model.put("hasDraft", w.open() && DraftCookie.APPLICATION.read(request).flatMap(drafts::find).isPresent());
        model.put("expired", expired != null);
        return HttpResponse.ok(Pages.view("experts/apply/start", model));
    }

    @Post("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> begin(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (!window.current().open()) {
            return Pages.seeOther(ApplicationDrafts.BASE);
        }
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        ApplicationDrafts.Draft draft = drafts.start(owner);
        return Pages.seeOther(SectionModel.TASK_LIST)
                .cookie(DraftCookie.APPLICATION.set(draft.id(), request, ApplicationDrafts.LIFETIME));
    }

    @Get("/resume")
    HttpResponse<?> resumeForm() {
        return HttpResponse.ok(Pages.view("experts/apply/resume", Map.of("code", "")));
    }

    @Post("/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resume(HttpRequest<?> request, @Body CodeForm form) {
        String code = form.code() == null ? "" : form.code();
        Optional<HttpResponse<?>> refused = ResumeCodeGuard.tooManyGuesses(rateLimiter, request, "experts/apply/resume", code);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (code.isBlank()) {
            return Pages.invalid("experts/apply/resume", Map.of("code", code),
                    List.of(new FieldError("code", "Enter your resume code")));
        }
        Optional<ApplicationDrafts.Draft> draft = drafts.resumeByCode(code);
        if (draft.isEmpty()) {
            return Pages.invalid("experts/apply/resume", Map.of("code", code), List.of(new FieldError("code",
                    "We could not find an application with that code. Check the code and try again. Unfinished "
                            + "applications are deleted after " + ApplicationDrafts.LIFETIME.toDays()
                            + " days, and when applications close.")));
        }
        return Pages.seeOther(SectionModel.TASK_LIST)
                .cookie(DraftCookie.APPLICATION.set(draft.get().id(), request, ApplicationDrafts.LIFETIME));
    }

    @Post("/saved/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> emailLink(HttpRequest<?> request, @Body EmailForm form) {
        Optional<UUID> draft = DraftCookie.APPLICATION.read(request);
        if (draft.isEmpty() || drafts.find(draft.get()).isEmpty()) {
            return Pages.seeOther(ApplicationDrafts.BASE + "?expired=1");
        }
        String email = form.email() == null ? "" : form.email().strip();
        try {
            drafts.emailLink(draft.get(), email);
        } catch (InvalidInputException e) {
            return Pages.invalid("experts/apply/saved-email", Map.of("email", email), e.errors());
        }
        return HttpResponse.ok(Pages.view("experts/apply/link-sent", Map.of("email", email)));
    }

    @Get("/resume/{token}")
    HttpResponse<?> linkLanding(@PathVariable String token) {
        return HttpResponse.ok(Pages.view("experts/apply/resume-link", Map.of("token", token)));
    }

    /** The emailed link opens a page with a button, so a mail scanner fetching the link cannot use it up. */
    @Post("/resume/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resumeByLink(HttpRequest<?> request, @PathVariable String token) {
        return drafts.resumeByLink(token)
                .<HttpResponse<?>>map(d -> Pages.seeOther(SectionModel.TASK_LIST)
                        .cookie(DraftCookie.APPLICATION.set(d.id(), request, ApplicationDrafts.LIFETIME)))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND)
                        .body(Pages.view("experts/apply/link-expired", Map.of())));
    }
}
