package org.carereview.consult.deepdives;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;
import java.util.Map;

/**
 * Areas (anyone may list them; administrators add and edit them) and their sessions (staff list them; notes that
 * may tell of harm only for the safeguarding lead and administrators).
 */
@Controller("/api/v1/deep-dives/areas")
@ExecuteOn(TaskExecutors.BLOCKING)
class AreasApiController {

    private final Areas areas;
    private final Sessions sessions;

    AreasApiController(Areas areas, Sessions sessions) {
        this.areas = areas;
        this.sessions = sessions;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    Map<String, List<Area>> list() {
        return Map.of("items", areas.list());
    }

    @Get("/{slug}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Area read(@PathVariable String slug) {
        return areas.get(slug);
    }

    @Post
    @Secured("ADMIN")
    HttpResponse<Area> create(@Body AreaInput input, Authentication who) {
        return HttpResponse.created(areas.create(input, Staff.id(who)));
    }

    @Put("/{slug}")
    @Secured("ADMIN")
    Area update(@PathVariable String slug, @Body AreaInput input, Authentication who) {
        return areas.update(slug, input, Staff.id(who));
    }

    @Get("/{slug}/sessions")
    @Secured({"REVIEWER", "ADMIN", "SAFEGUARDING_LEAD"})
    Map<String, List<Session>> sessions(@PathVariable String slug, Authentication who) {
        return Map.of("items", sessions.list(slug, who.getRoles()));
    }

    @Post("/{slug}/sessions")
    @Secured("ADMIN")
    HttpResponse<Session> addSession(@PathVariable String slug, @Body SessionInput input, Authentication who) {
        return HttpResponse.created(sessions.add(slug, input, Staff.id(who)));
    }
}
