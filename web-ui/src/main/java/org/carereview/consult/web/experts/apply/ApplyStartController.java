package org.carereview.consult.web.experts.apply;

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
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.experts.ApplicationDraft;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.experts.ApplicationWindow;
import org.carereview.consult.experts.Window;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.SavedDraftRoutes;
import org.carereview.consult.web.SavedDrafts;

import java.time.Clock;
import java.util.UUID;

/** The start page, starting an application, and coming back to one by resume code or emailed link. */
@Controller(Apply.BASE)
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplyStartController extends SavedDraftRoutes {

    private final ApplicationDrafts drafts;
    private final ApplicationWindow window;
    private final ApplicationSavedDrafts saved;
    private final Clock clock;

    ApplyStartController(ApplicationDrafts drafts, ApplicationWindow window, ApplicationSavedDrafts saved, Clock clock) {
        this.drafts = drafts;
        this.window = window;
        this.saved = saved;
        this.clock = clock;
    }

    /**
     * The application's start page ({@code experts/apply/start}): whether applications are open or not yet open, when
     * they open and close, how many days a draft is kept, whether this browser holds one to continue, and whether the
     * person's last draft ran out.
     */
    @Introspected
    record StartPage(boolean open, boolean notYetOpen, Moment opens, Moment closes, long draftDays, boolean hasDraft,
                     boolean expired) {
    }

    @NotAudited("a public page")
    @Get
    HttpResponse<?> start(HttpRequest<?> request, @Nullable @QueryValue String expired) {
        Window w = window.current();
        return HttpResponse.ok(Pages.view("experts/apply/start", new StartPage(w.open(),
                clock.instant().isBefore(w.opensAt()), Moment.of(w.opensAt()), Moment.of(w.closesAt()),
                drafts.lifetime().toDays(),
                w.open() && DraftCookie.APPLICATION.read(request).flatMap(drafts::find).isPresent(), expired != null)));
    }

    @Post("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> begin(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (!window.current().open()) {
            return Pages.seeOther(Apply.BASE);
        }
        UUID owner = authentication == null ? null : UUID.fromString(authentication.getName());
        ApplicationDraft draft = drafts.start(owner);
        return Pages.seeOther(SectionModel.TASK_LIST)
                .cookie(DraftCookie.APPLICATION.set(draft.id(), request));
    }

    @Override
    protected SavedDrafts saved() {
        return saved;
    }
}
