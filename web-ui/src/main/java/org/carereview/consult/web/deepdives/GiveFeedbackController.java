package org.carereview.consult.web.deepdives;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Introspected;
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
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.ratelimit.RateLimitedException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.deepdives.Feedback;
import org.carereview.consult.deepdives.FeedbackInput;
import org.carereview.consult.deepdives.FeedbackReceipt;
import org.carereview.consult.deepdives.Links;
import org.carereview.consult.deepdives.ParticipantLink;
import org.carereview.consult.deepdives.Session;
import org.carereview.consult.deepdives.Sessions;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.SentReceipt;
import org.carereview.consult.web.words.PublicWords;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The page a participant reaches through a link or QR code: one short form, no account. Spam defences as for
 * the call for advice: a honeypot, a signed start time ({@link Feedback#fromPage}: too fast is quarantined,
 * answered the same), a rate limit whose page keeps what they wrote. Every word comes from the {@code deepdives} bundle, in the version the
 * participant chose; the area's name comes from the database.
 */
@Controller("/deep-dives/feedback")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class GiveFeedbackController {

    static final String VIEW = "deepdives/give-feedback";

    /** Feedback sent ({@code deepdives/feedback-sent}): its reference, and whether it was flagged for safeguarding. */
    @Introspected
    record SentPage(String reference, boolean flagged) {
    }

    private final SentReceipt sent;
    private final Links links;
    private final Feedback feedback;
    private final RateLimiter rateLimiter;
    private final Sessions sessions;
    private final PublicWords words;
    private final HttpLocaleResolver locales;

    GiveFeedbackController(Links links, Feedback feedback, RateLimiter rateLimiter, Sessions sessions,
                           PublicWords words, HttpLocaleResolver locales, SentReceipt sent) {
        this.sent = sent;
        this.links = links;
        this.feedback = feedback;
        this.rateLimiter = rateLimiter;
        this.sessions = sessions;
        this.words = words;
        this.locales = locales;
    }

    @NotAudited("the feedback form a participant fills in")
    @Get("/{token}")
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String token) {
        return links.open(token)
                .<HttpResponse<?>>map(link -> HttpResponse.ok(Pages.view(VIEW, model(request, link, empty()))))
                .orElseGet(() -> closed(request));
    }

    @Post("/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(HttpRequest<?> request, @PathVariable String token, @Body GiveFeedbackForm form) {
        Optional<ParticipantLink> link = links.open(token);
        if (link.isEmpty()) {
            return closed(request);
        }
        FeedbackPage page = model(request, link.get(), form);
        FeedbackInput input = form.input();
        String formId = form.formId() == null || form.formId().isBlank() || form.formId().length() > 255
                ? UUID.randomUUID().toString() : form.formId();
        try {
            FeedbackReceipt receipt;
            try {
                receipt = send(request, token, formId, input, form.stamp());
            } catch (ProblemException sentWithOtherAnswers) {
                // Sent before from this page, then changed (the browser's Back button): this is new feedback.
                receipt = send(request, token, UUID.randomUUID().toString(), input, form.stamp());
            }
            return Pages.seeOther("/deep-dives/feedback/sent/" + receipt.id()).cookie(sent.issue(receipt.id(), request));
        } catch (ProblemException linkClosed) {
            return closed(request);
        } catch (InvalidInputException e) {
            return Pages.invalid(VIEW, page, e.errors());
        } catch (RateLimitedException e) {
            return Pages.withErrors(HttpStatus.TOO_MANY_REQUESTS, VIEW, page, List.of(
                            FieldError.of("send", "deepdives.error.rateLimited", e.retryAfterSeconds())))
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
    }

    /**
     * Stores the feedback once per form: the page's one-time form token is recorded with it under a unique key,
     * so a double click or a retried post gets the first card's reference. A form already sent is answered
     * before the rate limit is counted.
     */
    private FeedbackReceipt send(HttpRequest<?> request, String token, String formId, FeedbackInput input,
                                 @Nullable String stamp) {
        Optional<FeedbackReceipt> sent = feedback.sentVia(token, formId, input);
        if (sent.isPresent()) {
            return sent.get();
        }
        rateLimiter.check("public-post", request);
        // The safeguarding model reads the card before the transaction opens (no connection held meanwhile).
        try (Screening.Ahead ahead = feedback.screenAhead(input)) {
            return feedback.fromPage(token, formId, input, stamp);
        }
    }

    @NotAudited("the sender's own reference, shown back to them")
    @Get("/sent/{id}")
    HttpResponse<?> sent(@PathVariable UUID id, HttpRequest<?> request) {
        return feedback.summary(id).filter(s -> sent.sentBy(request, id))
                .<HttpResponse<?>>map(s -> HttpResponse.ok(Pages.view("deepdives/feedback-sent",
                        new SentPage(s.reference(), s.safeguarding()))))
                .orElseGet(() -> Pages.notFound());
    }

    private FeedbackPage model(HttpRequest<?> request, ParticipantLink link, GiveFeedbackForm form) {
        MessageSource.MessageContext in = MessageSource.MessageContext.of(locales.resolveOrDefault(request));
        UnaryOperator<String> inWords = key -> words.getRequiredMessage(key, in);
        Optional<Session> session = session(link);
        return new FeedbackPage("/deep-dives/feedback/" + link.token(), link.areaName(),
                session.map(s -> UkTime.day(s.heldOn())).orElse(null), session.map(s -> s.audience().name()).orElse(null),
                Options.participantTypes(inWords), Options.themes(inWords), form,
                form.themes() == null ? List.of() : form.themes(),
                form.formId() == null ? UUID.randomUUID().toString() : form.formId(),
                form.stamp() == null ? feedback.stampForm() : form.stamp(), feedback.maxAnswerLength());
    }

    /** The session the link is for, if it names one: the page says its date and who it was with. */
    private Optional<Session> session(ParticipantLink link) {
        return link.sessionId() == null ? Optional.empty()
                : sessions.list(link.area()).stream().filter(s -> s.id().equals(link.sessionId())).findFirst();
    }

    private static GiveFeedbackForm empty() {
        return new GiveFeedbackForm(null, null, null, null, null, null, null);
    }

    /** The error page, with a heading and a message in the participant's version of the words. */
    private HttpResponse<?> closed(HttpRequest<?> request) {
        MessageSource.MessageContext in = MessageSource.MessageContext.of(locales.resolveOrDefault(request));
        return Pages.error(HttpStatus.NOT_FOUND, words.getRequiredMessage("deepdives.closed.heading", in),
                words.getRequiredMessage("deepdives.closed.message", in));
    }
}
