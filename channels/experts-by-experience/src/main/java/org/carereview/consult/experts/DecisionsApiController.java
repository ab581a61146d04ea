package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.PersonalData;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/experts-by-experience")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class DecisionsApiController {

    @Serdeable
    record DecisionBody(@Nullable String outcome, @Nullable String note) {
    }

    @Serdeable
    record MemberChange(@Nullable String status, @Nullable String effectiveDate, @Nullable String reason) {
    }

    private final Decisions decisions;
    private final Composition composition;
    private final AuditLog audit;

    DecisionsApiController(Decisions decisions, Composition composition, AuditLog audit) {
        this.decisions = decisions;
        this.composition = composition;
        this.audit = audit;
    }

    @NotAudited("counts of the group by region, age band and experience")
    @Get("/composition")
    Composition.View composition() {
        return composition.view();
    }

    /** Current members (active and paused) as CSV, for the people who organise the group's meetings. */
    @PersonalData
    @Get(value = "/members/export.csv", produces = "text/csv")
    HttpResponse<String> export(Authentication who) {
        List<Member> members = decisions.members();
        audit.recordList(UUID.fromString(who.getName()), AuditAction.EXPORT, "members csv", members.size());
        return HttpResponse.ok(MembersCsv.of(members))
                .header("Content-Disposition", "attachment; filename=\"experts-by-experience-members.csv\"");
    }

    @Post("/applications/{id}/decision")
    Map<String, Object> decide(@PathVariable UUID id, @Body DecisionBody body, Authentication who) {
        ApplicationOutcome outcome = decisions.decide(id, body.outcome(), body.note(), UUID.fromString(who.getName()));
        return Map.of("id", id, "outcome", outcome.name());
    }

    @PersonalData
    @Get("/members")
    Map<String, List<Member>> members(Authentication who) {
        List<Member> members = decisions.members();
        audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST, "members", members.size());
        return Map.of("items", members);
    }

    @Patch("/members/{id}")
    Member change(@PathVariable UUID id, @Body MemberChange body, Authentication who) {
        return decisions.change(id, body.status(), body.effectiveDate(), body.reason(), UUID.fromString(who.getName()));
    }
}
