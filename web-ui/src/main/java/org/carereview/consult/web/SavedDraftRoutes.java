package org.carereview.consult.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.routes.NotAudited;

/**
 * The routes of "Save and come back later" under a journey's own path (its {@code @Controller} extends this):
 * forget the draft on this device, resume by code, email a link and use it. The pages are {@link SavedDrafts}'.
 */
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public abstract class SavedDraftRoutes {

    /** The resume code form. */
    @Serdeable
    public record CodeForm(@Nullable String code) {
    }

    /** The "email me a link" form. */
    @Serdeable
    public record EmailForm(@Nullable String email) {
    }

    /** The journey's "Save and come back later". */
    protected abstract SavedDrafts saved();

    @Post("/forget")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> forget(HttpRequest<?> request) {
        return saved().forget(request);
    }

    @NotAudited("a public page")
    @Get("/forgotten")
    public HttpResponse<?> forgotten() {
        return saved().forgotten();
    }

    @NotAudited("a form")
    @Get("/resume")
    public HttpResponse<?> resumeForm() {
        return saved().resumeForm();
    }

    @Post("/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> resume(HttpRequest<?> request, @Body CodeForm form) {
        return saved().resume(request, form.code());
    }

    @Post("/saved/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> emailLink(HttpRequest<?> request, @Body EmailForm form) {
        return saved().emailLink(request, form.email());
    }

    @NotAudited("a link back to the person's own draft")
    @Get("/resume/{token}")
    public HttpResponse<?> linkLanding(@PathVariable String token) {
        return saved().linkLanding(token);
    }

    @Post("/resume/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> resumeByLink(HttpRequest<?> request, @PathVariable String token) {
        return saved().resumeByLink(request, token);
    }
}
