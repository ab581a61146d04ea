package org.carereview.consult.web.advice;

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
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.AdviceReceipt;
import org.carereview.consult.advice.AdviceService;
import org.carereview.consult.advice.Draft;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.ratelimit.RateLimitedException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.SentReceipt;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Check your answers, send, and the confirmation with the reference. */
@Controller("/call-for-advice")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceCheckController {

    private final SentReceipt sent;
    private final AdviceDrafts drafts;
    private final AdviceService advice;
    private final RateLimiter rateLimiter;

    AdviceCheckController(AdviceDrafts drafts, AdviceService advice, RateLimiter rateLimiter, SentReceipt sent) {
        this.sent = sent;
        this.drafts = drafts;
        this.advice = advice;
        this.rateLimiter = rateLimiter;
    }

    @NotAudited("the person's own draft, shown back to them")
    @Get("/check")
    HttpResponse<?> check(HttpRequest<?> request) {
        Optional<Draft> draft = DraftCookie.ADVICE.read(request).flatMap(drafts::find);
        if (draft.isEmpty()) {
            return Pages.seeOther("/call-for-advice?expired=1");
        }
        if (draft.get().answers().respondentType() == null) {
            return Pages.seeOther(Step.WHO.path());
        }
        return HttpResponse.ok(Pages.view("advice/check", CheckAnswers.model(draft.get().answers())));
    }

    @Post("/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(HttpRequest<?> request, @Nullable Authentication authentication) {
        Optional<UUID> id = DraftCookie.ADVICE.read(request);
        Optional<Draft> draft = id.flatMap(drafts::find);
        if (draft.isEmpty()) {
            // Sent already (a double click, a retry, another tab): the first submission's confirmation.
            return id.flatMap(drafts::sent).<HttpResponse<?>>map(receipt -> confirmed(request, receipt))
                    .orElseGet(() -> Pages.seeOther("/call-for-advice?expired=1"));
        }
        CheckAnswers.CheckPage model = CheckAnswers.model(draft.get().answers());
        List<FieldError> errors = advice.check(draft.get().answers());
        if (!errors.isEmpty()) {
            return Pages.invalid("advice/check", model, CheckAnswers.linkToPages(errors));
        }
        try {
            rateLimiter.check("public-post", request);
            UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
            // The safeguarding model reads the answers before the transaction opens (no connection held meanwhile).
            try (Screening.Ahead ahead = advice.screenAhead(draft.get().answers())) {
                return confirmed(request, drafts.send(draft.get().id(), owner));
            }
        } catch (RateLimitedException e) {
            return Pages.withErrors(HttpStatus.TOO_MANY_REQUESTS, "advice/check", model, List.of(FieldError.of("send",
                    "advice.error.send.tooMany", e.retryAfterSeconds())))
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        } catch (InvalidInputException e) {
            return Pages.invalid("advice/check", model, CheckAnswers.linkToPages(e.errors()));
        }
    }

    private HttpResponse<?> confirmed(HttpRequest<?> request, AdviceReceipt receipt) {
        return Pages.seeOther("/call-for-advice/confirmation/" + receipt.id()).cookie(DraftCookie.ADVICE.clear(request))
                .cookie(sent.issue(receipt.id(), request));
    }

    /** The reference of advice just sent ({@code advice/confirmation}), and whether it was flagged for safeguarding. */
    @Introspected
    record ConfirmationPage(String reference, boolean flagged) {
    }

    @NotAudited("the sender's own reference, shown back to them")
    @Get("/confirmation/{id}")
    HttpResponse<?> confirmation(@PathVariable UUID id, HttpRequest<?> request) {
        return advice.summary(id).filter(s -> sent.sentBy(request, id))
                .<HttpResponse<?>>map(s -> HttpResponse.ok(Pages.view("advice/confirmation",
                        new ConfirmationPage(s.reference(), s.safeguarding()))))
                .orElseGet(() -> Pages.notFound());
    }
}
