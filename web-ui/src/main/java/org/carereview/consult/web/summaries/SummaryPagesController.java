package org.carereview.consult.web.summaries;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.ReviewerOrAdmin;
import org.carereview.consult.triage.summaries.PublicSummaries;
import org.carereview.consult.triage.summaries.SummaryInput;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Staff write "You said, we did" summaries (ADR 0037): list, new, one summary with its quotes, and the forms that add,
 * approve and remove a quote, publish and unpublish. Every post redirects (post/redirect/get); a refused one shows the
 * page again with the GOV.UK error summary (422 for what was typed, 409 for a step not allowed now).
 */
@Controller("/staff/summaries")
@Produces(MediaType.TEXT_HTML)
@ReviewerOrAdmin
@ExecuteOn(TaskExecutors.BLOCKING)
class SummaryPagesController {

    @Serdeable
    record QuoteForm(@Nullable String reference, @Nullable String text) {
    }

    private final PublicSummaries summaries;
    private final SummaryPages pages;

    SummaryPagesController(PublicSummaries summaries, SummaryPages pages) {
        this.summaries = summaries;
        this.pages = pages;
    }

    @NotAudited("the review's own summaries: titles and states, no one's personal data")
    @Get
    HttpResponse<?> list() {
        return HttpResponse.ok(Pages.view("staff/summaries", new SummaryPages.SummariesPage(
                GovukItems.columns("Title", "Channel", "Status"), SummaryPages.rows(summaries.list()))));
    }

    @NotAudited("an empty form")
    @Get("/new")
    HttpResponse<?> blank() {
        return HttpResponse.ok(Pages.view("staff/summary-new", SummaryPages.form(new SummaryInput("", "", "", ""))));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body SummaryInput form, Authentication who) {
        try {
            return Pages.seeOther("/staff/summaries/" + summaries.create(form, id(who)));
        } catch (InvalidInputException e) {
            return Pages.invalid("staff/summary-new", SummaryPages.form(form), e.errors());
        }
    }

    @NotAudited("a summary being written: quotes already redacted, from people who agreed to be quoted, with references")
    @Get("/{id}")
    HttpResponse<?> show(@PathVariable UUID id, Authentication who) {
        return found(() -> HttpResponse.ok(Pages.view("staff/summary", pages.model(id, who, new QuoteForm("", "")))));
    }

    @NotAudited("what the public page would show: suppressed counts and approved, redacted quotes")
    @Get("/{id}/preview")
    HttpResponse<?> preview(@PathVariable UUID id) {
        return found(() -> HttpResponse.ok(Pages.view("summaries/summary", pages.preview(id))));
    }

    @Post("/{id}/quotes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addQuote(@PathVariable UUID id, @Body QuoteForm form, Authentication who) {
        return act(id, who, form, () -> summaries.addQuote(id, form.reference(), form.text(), id(who)));
    }

    @Post("/{id}/quotes/{quote}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(@PathVariable UUID id, @PathVariable UUID quote, Authentication who) {
        return act(id, who, null, () -> summaries.approveQuote(id, quote, id(who), SummaryPages.seesFlagged(who)));
    }

    @Post("/{id}/quotes/{quote}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(@PathVariable UUID id, @PathVariable UUID quote, Authentication who) {
        return act(id, who, null, () -> summaries.removeQuote(id, quote, id(who), SummaryPages.seesFlagged(who)));
    }

    @Post("/{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(@PathVariable UUID id, Authentication who) {
        return act(id, who, null, () -> summaries.publish(id, id(who)));
    }

    @Post("/{id}/unpublish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unpublish(@PathVariable UUID id, Authentication who) {
        return act(id, who, null, () -> summaries.unpublish(id, id(who)));
    }

    /** Does it and goes back to the summary's page, or shows that page again with why it was refused. */
    private HttpResponse<?> act(UUID id, Authentication who, @Nullable QuoteForm form, Runnable action) {
        QuoteForm typed = form == null ? new QuoteForm("", "") : form;
        try {
            action.run();
            return Pages.seeOther("/staff/summaries/" + id);
        } catch (InvalidInputException e) {
            return found(() -> Pages.invalid("staff/summary", pages.model(id, who, typed), e.errors()));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Pages.notFound();
            }
            return found(() -> Pages.withErrors(e.status(), "staff/summary", pages.model(id, who, typed),
                    List.of(new FieldError("quotes", e.toProblem().detail()))));
        }
    }

    private static HttpResponse<?> found(Supplier<HttpResponse<?>> page) {
        try {
            return page.get();
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Pages.notFound();
            }
            throw e;
        }
    }

    private static UUID id(Authentication who) {
        return UUID.fromString(who.getName());
    }
}
