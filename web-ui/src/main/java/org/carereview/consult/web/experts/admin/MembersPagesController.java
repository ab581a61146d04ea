package org.carereview.consult.web.experts.admin;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.experts.Decisions;
import org.carereview.consult.experts.Member;
import org.carereview.consult.experts.MemberStatus;
import org.carereview.consult.web.Pages;
import org.carereview.consult.web.pages.GovukItems;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Administrators see the group's members and pause, resume or end a membership, with its history. */
@Controller("/staff/members")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class MembersPagesController {

    @Serdeable
    record ChangeForm(@Nullable String status, @Nullable String effectiveDate, @Nullable String reason) {
    }

    private static final List<Map<String, Object>> STATUSES = List.of(
            Map.of("value", "ACTIVE", "text", "Active", "hint", "Taking part, or back after a pause"),
            Map.of("value", "PAUSED", "text", "Paused", "hint", "Taking a break, and expected back"),
            Map.of("value", "STEPPED_DOWN", "text", "Stepped down", "hint", "No longer a member"));

    private final Decisions decisions;

    private final AuditLog audit;

    MembersPagesController(Decisions decisions, AuditLog audit) {
        this.audit = audit;
        this.decisions = decisions;
    }

    @PersonalData
    @Get
    HttpResponse<?> list(Authentication who) {
        List<Member> members = decisions.members();
        audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST, "members page", members.size());
        return HttpResponse.ok(Pages.view("experts/admin/members", new MembersPage(
                GovukItems.columns("Reference", "Name", "Membership", "Since"),
                members.stream().map(m -> List.of(GovukItems.linkCell(m.reference(), "/staff/members/" + m.id()),
                        GovukItems.writtenCell(m.name() == null ? "(withdrawn)" : m.name()),
                        GovukItems.cell(words(m.status())), GovukItems.cell(UkTime.day(m.effectiveDate())))).toList())));
    }

    @PersonalData
    @Get("/{id}")
    HttpResponse<?> show(@PathVariable UUID id, @Nullable @QueryValue String changed, Authentication who) {
        return find(id).<HttpResponse<?>>map(m -> {
                    audit.record(UUID.fromString(who.getName()), AuditAction.VIEW, id, "member");
                    return HttpResponse.ok(Pages.view("experts/admin/member",
                            model(m, new ChangeForm(null, null, null), changed != null)));
                })
                .orElseGet(() -> Pages.notFound());
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(@PathVariable UUID id, @Body ChangeForm form, Authentication who) {
        Optional<Member> member = find(id);
        if (member.isEmpty()) {
            return Pages.notFound();
        }
        try {
            decisions.change(id, form.status(), form.effectiveDate(), form.reason(), UUID.fromString(who.getName()));
            return Pages.seeOther("/staff/members/" + id + "?changed=1");
        } catch (InvalidInputException e) {
            return Pages.invalid("experts/admin/member", model(member.get(), form, false), e.errors());
        }
    }

    private Optional<Member> find(UUID id) {
        return decisions.members().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static MemberPage model(Member m, ChangeForm form, boolean changed) {
        return new MemberPage(m.id().toString(), m.reference(), m.name() == null ? "(withdrawn)" : m.name(),
                words(m.status()), UkTime.day(m.effectiveDate()), changed, STATUSES, form,
                GovukItems.columns("Membership", "From", "Reason", "Recorded"),
                m.history().stream().map(c -> List.of(GovukItems.cell(words(c.status())),
                        GovukItems.cell(UkTime.day(c.effectiveDate())), GovukItems.cell(c.reason()),
                        GovukItems.cell(UkTime.moment(c.changedAt())))).toList());
    }

    static String words(MemberStatus status) {
        return switch (status) {
            case ACTIVE -> "Active";
            case PAUSED -> "Paused";
            case STEPPED_DOWN -> "Stepped down";
        };
    }

}
