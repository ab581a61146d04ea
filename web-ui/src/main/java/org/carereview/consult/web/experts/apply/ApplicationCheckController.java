package org.carereview.consult.web.experts.apply;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.ratelimit.RateLimitedException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.experts.ApplicationDraft;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.experts.ApplicationInput;
import org.carereview.consult.experts.ApplicationReceipt;
import org.carereview.consult.experts.ApplicationWindow;
import org.carereview.consult.experts.Applications;
import org.carereview.consult.experts.Window;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.SentReceipt;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Check your answers, send, and the confirmation with the reference. */
@Controller(Apply.BASE)
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationCheckController {

    private static final String CHECK_VIEW = "experts/apply/check";

    private final SentReceipt sent;
    private final ApplicationDrafts drafts;
    private final Applications applications;
    private final ApplicationWindow window;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    ApplicationCheckController(ApplicationDrafts drafts, Applications applications, ApplicationWindow window,
                               RateLimiter rateLimiter, Clock clock, SentReceipt sent) {
        this.sent = sent;
        this.drafts = drafts;
        this.applications = applications;
        this.window = window;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @NotAudited("the applicant's own draft, shown back to them")
    @Get("/application/check")
    HttpResponse<?> check(HttpRequest<?> request) {
        return DraftCookie.APPLICATION.read(request).flatMap(drafts::find)
                .<HttpResponse<?>>map(d -> HttpResponse.ok(Pages.view(CHECK_VIEW, model(d.answers()))))
                .orElseGet(() -> Pages.seeOther(ApplicationController.EXPIRED));
    }

    /**
     * Sends the application once: a second send of the same draft (a double click, a retry, another tab),
     * at the same moment or after the first, lands on the first application's confirmation.
     */
    @Post("/application/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(HttpRequest<?> request, @Nullable Authentication authentication) {
        Optional<UUID> id = DraftCookie.APPLICATION.read(request);
        Optional<ApplicationDraft> draft = id.flatMap(drafts::find);
        if (draft.isEmpty()) {
            return id.flatMap(drafts::sent).<HttpResponse<?>>map(receipt -> confirmed(request, receipt))
                    .orElseGet(() -> Pages.seeOther(ApplicationController.EXPIRED));
        }
        if (!window.current().open()) {
            return closed(false);
        }
        ApplicationInput answers = draft.get().answers();
        CheckAnswers.CheckPage model = model(answers);
        List<FieldError> errors = applications.check(answers);
        if (!errors.isEmpty()) {
            return Pages.invalid(CHECK_VIEW, model, CheckAnswers.linkToSections(errors));
        }
        try {
            rateLimiter.check("public-post", request);
            UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
            // The safeguarding model reads the answers before the transaction opens (no connection held meanwhile).
            try (Screening.Ahead ahead = applications.screenAhead(answers)) {
                return confirmed(request, drafts.send(draft.get().id(), owner));
            }
        } catch (RateLimitedException e) {
            return Pages.withErrors(HttpStatus.TOO_MANY_REQUESTS, CHECK_VIEW, model, List.of(FieldError.of("send",
                            "experts.error.send.rateLimited", e.retryAfterSeconds())))
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        } catch (InvalidInputException e) {
            return Pages.invalid(CHECK_VIEW, model, CheckAnswers.linkToSections(e.errors()));
        } catch (ProblemException e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            return closed(e.toProblem().type().endsWith("/window-not-open"));
        }
    }

    private HttpResponse<?> confirmed(HttpRequest<?> request, ApplicationReceipt receipt) {
        return Pages.seeOther(Apply.BASE + "/confirmation/" + receipt.id()).cookie(DraftCookie.APPLICATION.clear(request))
                .cookie(sent.issue(receipt.id(), request));
    }

    /** Answers sent outside the window cannot be accepted: 409, saying so plainly. */
    private HttpResponse<?> closed(boolean notOpenYet) {
        Window current = window.current();
        return HttpResponse.status(HttpStatus.CONFLICT).body(Pages.view("experts/apply/closed", new ClosedPage(
                notOpenYet || clock.instant().isBefore(current.opensAt()), Moment.of(current.opensAt()),
                Moment.of(current.closesAt()))));
    }

    @NotAudited("the applicant's own reference, shown back to them")
    @Get("/confirmation/{id}")
    HttpResponse<?> confirmation(@PathVariable UUID id, HttpRequest<?> request) {
        return applications.summary(id).filter(s -> sent.sentBy(request, id))
                .<HttpResponse<?>>map(s -> HttpResponse.ok(Pages.view("experts/apply/confirmation",
                        new ConfirmationPage(s.reference(), s.safeguarding()))))
                .orElseGet(() -> Pages.notFound());
    }

    /** Sent outside the window ({@code experts/apply/closed}): not open yet or closed, and when it opens and closes. */
    @Introspected
    record ClosedPage(boolean notOpenYet, Moment opens, Moment closes) {
    }

    /** The reference of an application just sent ({@code experts/apply/confirmation}), and whether it was flagged. */
    @Introspected
    record ConfirmationPage(String reference, boolean flagged) {
    }

    private CheckAnswers.CheckPage model(ApplicationInput answers) {
        return CheckAnswers.model(answers, applications.needsTrustedAdult(answers.dateOfBirth()));
    }
}
