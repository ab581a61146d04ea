package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.deepdives.Sessions;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Administrators add areas, record the attributes the review chose them by, and add sessions. */
@Controller("/staff/deep-dives/areas")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class AreaAdminController {

    private final Areas areas;
    private final Sessions sessions;

    AreaAdminController(Areas areas, Sessions sessions) {
        this.areas = areas;
        this.sessions = sessions;
    }

    @NotAudited("a form")
    @Get("/new")
    HttpResponse<?> newArea() {
        return HttpResponse.ok(Pages.view("deepdives/area-form", areaModel(null, AreaForm.empty())));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body AreaForm form, Authentication who) {
        return save(null, form, () -> areas.create(form.input(), UUID.fromString(who.getName())));
    }

    @NotAudited("a form with an area's public description")
    @Get("/{slug}/edit")
    HttpResponse<?> edit(@PathVariable String slug) {
        return areas.find(slug).<HttpResponse<?>>map(a -> HttpResponse.ok(Pages.view("deepdives/area-form",
                areaModel(a, AreaForm.of(a))))).orElseGet(Pages::notFound);
    }

    @Post("/{slug}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(@PathVariable String slug, @Body AreaForm form, Authentication who) {
        Optional<Area> area = areas.find(slug);
        if (area.isEmpty()) {
            return Pages.notFound();
        }
        return save(area.get(), form, () -> areas.update(slug, form.input(), UUID.fromString(who.getName())));
    }

    @NotAudited("a form")
    @Get("/{slug}/sessions/new")
    HttpResponse<?> newSession(@PathVariable String slug) {
        return areas.find(slug).<HttpResponse<?>>map(a -> HttpResponse.ok(Pages.view("deepdives/session-form",
                sessionModel(a, SessionForm.empty())))).orElseGet(Pages::notFound);
    }

    @Post("/{slug}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addSession(@PathVariable String slug, @Body SessionForm form, Authentication who) {
        Optional<Area> area = areas.find(slug);
        if (area.isEmpty()) {
            return Pages.notFound();
        }
        try {
            // Notes that may tell of harm are not shown back: the page says who can read them instead.
            boolean flagged = sessions.add(slug, form.input(), UUID.fromString(who.getName())).safeguarding();
            return Pages.seeOther("/staff/deep-dives/areas/" + slug + "?done=" + (flagged ? "session-flagged" : "session"));
        } catch (InvalidInputException e) {
            return Pages.invalid("deepdives/session-form", sessionModel(area.get(), form), form.explained(e.errors()));
        }
    }

    private HttpResponse<?> save(Area existing, AreaForm form, java.util.function.Supplier<Area> action) {
        List<FieldError> errors = new ArrayList<>();
        form.numberErrors(errors);
        if (errors.isEmpty()) {
            try {
                Area saved = action.get();
                return Pages.seeOther("/staff/deep-dives/areas/" + saved.slug() + "?done=saved");
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        } else {
            areas.check(form.input(), existing == null).stream()
                    .filter(e -> errors.stream().noneMatch(n -> n.field().equals(e.field()))).forEach(errors::add);
        }
        return Pages.invalid("deepdives/area-form", areaModel(existing, form), errors);
    }

    private AreaFormPage areaModel(@Nullable Area existing, AreaForm form) {
        List<Map<String, Object>> regions = new ArrayList<>();
        regions.add(Map.of("value", "", "text", "Choose a region"));
        areas.regions().forEach((code, name) -> regions.add(GovukItems.item(code, name)));
        return new AreaFormPage(existing == null, existing == null ? "Add an area" : "Change " + existing.name(),
                existing == null ? "/staff/deep-dives/areas" : "/staff/deep-dives/areas/" + existing.slug() + "/edit",
                existing == null ? "/staff/deep-dives" : "/staff/deep-dives/areas/" + existing.slug(), form, regions);
    }

    private static SessionFormPage sessionModel(Area area, SessionForm form) {
        return new SessionFormPage(area, form, Options.audiences());
    }

    /**
     * Adding or changing an area ({@code deepdives/area-form}): which of the two, the heading, where the form posts
     * and where "Back" goes, the form as filled in, and the regions to choose from.
     */
    @Introspected
    record AreaFormPage(boolean creating, String heading, String action, String back, AreaForm form,
                        List<Map<String, Object>> regions) {
    }

    /** Adding a session to an area ({@code deepdives/session-form}): the area, the form, who a session is for. */
    @Introspected
    record SessionFormPage(Area area, SessionForm form, List<Map<String, Object>> audiences) {
    }
}
