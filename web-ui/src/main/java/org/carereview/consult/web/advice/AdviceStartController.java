package org.carereview.consult.web.advice;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.Draft;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.SavedDraftRoutes;
import org.carereview.consult.web.SavedDrafts;

import java.util.UUID;

/** The start page, starting a draft, and coming back to one by resume code or emailed link. */
@Controller("/call-for-advice")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdviceStartController extends SavedDraftRoutes {

    private final AdviceDrafts drafts;
    private final AdviceSavedDrafts saved;

    AdviceStartController(AdviceDrafts drafts, AdviceSavedDrafts saved) {
        this.drafts = drafts;
        this.saved = saved;
    }

    /**
     * The call for advice's start page ({@code advice/start}): whether this browser holds a draft to continue, whether
     * the person's last draft ran out, and how many days a draft is kept.
     */
    @Introspected
    record StartPage(boolean hasDraft, boolean expired, long draftDays) {
    }

    @NotAudited("a public page")
    @Get
    HttpResponse<?> start(HttpRequest<?> request, @Nullable @QueryValue String expired) {
        boolean hasDraft = DraftCookie.ADVICE.read(request).flatMap(drafts::find).isPresent();
        return HttpResponse.ok(Pages.view("advice/start",
                new StartPage(hasDraft, expired != null, drafts.lifetime().toDays())));
    }

    @Post("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> begin(HttpRequest<?> request, @Nullable Authentication authentication) {
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        Draft draft = drafts.start(owner);
        return Pages.seeOther(Step.WHO.path()).cookie(DraftCookie.ADVICE.set(draft.id(), request));
    }

    @Override
    protected SavedDrafts saved() {
        return saved;
    }
}
