package org.carereview.consult.deepdives;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.routes.StaffOnly;

import java.net.URI;
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
    private final AuditLog audit;

    AreasApiController(Areas areas, Sessions sessions, AuditLog audit) {
        this.areas = areas;
        this.sessions = sessions;
        this.audit = audit;
    }

    @NotAudited("the areas as the public reads them")
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    Map<String, List<Area>> list() {
        return Map.of("items", areas.list());
    }

    @NotAudited("an area as the public reads it")
    @Get("/{slug}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Area read(@PathVariable String slug) {
        return areas.get(slug);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @AdminOnly
    HttpResponse<Area> create(@Body AreaInput input, Authentication who) {
        Area area = areas.create(input, Staff.id(who));
        return HttpResponse.created(area, URI.create("/api/v1/deep-dives/areas/" + area.slug()));
    }

    @Put("/{slug}")
    @AdminOnly
    Area update(@PathVariable String slug, @Body AreaInput input, Authentication who) {
        return areas.update(slug, input, Staff.id(who));
    }

    @PersonalData
    @Get("/{slug}/sessions")
    @StaffOnly
    Map<String, List<Session>> sessions(@PathVariable String slug, Authentication who) {
        List<Session> list = sessions.list(slug, Viewer.of(who));
        audit.recordList(Staff.id(who), AuditAction.LIST, "deep-dive sessions area=" + slug, list.size());
        return Map.of("items", list);
    }

    @Post("/{slug}/sessions")
    @Status(HttpStatus.CREATED)
    @AdminOnly
    HttpResponse<Session> addSession(@PathVariable String slug, @Body SessionInput input, Authentication who) {
        // A session has no address of its own: it is listed with its area's others.
        return HttpResponse.created(sessions.add(slug, input, Staff.id(who)),
                URI.create("/api/v1/deep-dives/areas/" + slug + "/sessions"));
    }
}
