package org.carereview.consult.web.summaries;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.triage.summaries.PublishedSummaries;
import org.carereview.consult.triage.summaries.Summary;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.words.PublicWords;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "You said, we did" for everyone: the published summaries, and one of them with its counts (chart and table), the
 * quotes still allowed and what the review did, in the standard or the child-friendly words. Anything not published
 * (a draft, an unpublished summary, an unknown id) is the ordinary 404 page.
 */
@Controller("/you-said-we-did")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class YouSaidWeDidController {

    private final PublishedSummaries published;
    private final PublicWords words;
    private final HttpLocaleResolver locales;

    YouSaidWeDidController(PublishedSummaries published, PublicWords words, HttpLocaleResolver locales) {
        this.published = published;
        this.words = words;
        this.locales = locales;
    }

    /** The published summaries ({@code summaries/list}). */
    @Introspected
    record ListPage(List<Summary> summaries) {
    }

    @NotAudited("a public page: published summaries, no one's personal data")
    @Get
    HttpResponse<?> list() {
        return HttpResponse.ok(Pages.view("summaries/list", new ListPage(published.list())));
    }

    @NotAudited("a public page: counts already suppressed and quotes from people who agreed to be quoted, redacted")
    @Get("/{id}")
    HttpResponse<?> show(@PathVariable String id, HttpRequest<?> request) {
        Optional<PublishedSummaries.Published> found = parse(id).flatMap(published::find);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        return HttpResponse.ok(Pages.view("summaries/summary",
                SummaryView.model(found.get(), words, locales.resolveOrDefault(request))));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
