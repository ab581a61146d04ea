package org.carereview.consult.web.staff;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.PersonalData;
import org.carereview.consult.core.secondfactor.SecondFactors;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Administrators invite staff and disable or re-enable their accounts. */
@Controller("/staff/admin/staff")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffAdminController {

    private static final List<Map<String, Object>> ROLES = List.of(
            Map.of("value", Role.REVIEWER.name(), "text", "Reviewer", "hint", "Reads, tags and acts on submissions"),
            Map.of("value", Role.SAFEGUARDING_LEAD.name(), "text", "Safeguarding lead",
                    "hint", "Receives possible safeguarding disclosures"),
            Map.of("value", Role.ADMIN.name(), "text", "Administrator",
                    "hint", "Manages staff, the application window and areas"));

    /**
     * The staff list ({@code staff/staff-list}): everyone with a staff role, the invitation form as typed and its
     * role choices, and the address of whoever was just signed out everywhere, had their codes reset or was invited
     * (each null when nothing was).
     */
    @Introspected
    record StaffListPage(List<Map<String, Object>> staff, String email, String role,
                         List<Map<String, Object>> roleOptions, @Nullable String signedOut, @Nullable String reset,
                         @Nullable String invited) {
    }

    @Serdeable
    record InviteForm(@Nullable String email, @Nullable String role) {
    }

    private final AccountService accounts;

    private final AuditLog audit;

    private final SecondFactors secondFactors;

    StaffAdminController(AccountService accounts, AuditLog audit, SecondFactors secondFactors) {
        this.audit = audit;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
    }

    @PersonalData
    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String invited, @Nullable @QueryValue String signedOut,
                                           @Nullable @QueryValue String reset, Authentication who) {
        List<Map<String, Object>> staff = staff();
        audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST, "staff page", staff.size());
        return Pages.view("staff/staff-list", new StaffListPage(staff, "", "", ROLES, emailOf(staff, signedOut),
                emailOf(staff, reset), invited));
    }

    @Post("/invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(@Body InviteForm form, Authentication who) {
        String email = form.email() == null ? "" : form.email();
        String role = form.role() == null ? "" : form.role();
        try {
            AccountView invited = accounts.inviteStaff(email, role, UUID.fromString(who.getName()));
            return Pages.seeOther("/staff/admin/staff?invited=" + java.net.URLEncoder.encode(invited.email(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            return Pages.invalid("staff/staff-list",
                    new StaffListPage(staff(), email, role, ROLES, null, null, null), e.errors());
        }
    }

    @Post("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(@PathVariable UUID id, Authentication who) {
        accounts.setDisabled(id, true, UUID.fromString(who.getName()));
        return Pages.seeOther("/staff/admin/staff");
    }

    @Post("/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(@PathVariable UUID id, Authentication who) {
        accounts.setDisabled(id, false, UUID.fromString(who.getName()));
        return Pages.seeOther("/staff/admin/staff");
    }

    /** Ends every session of this member of staff at once (a lost laptop, a shared screen); audited. */
    @Post("/{id}/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(@PathVariable UUID id, Authentication who) {
        accounts.endSessions(id, UUID.fromString(who.getName()));
        return Pages.seeOther("/staff/admin/staff?signedOut=" + id);
    }

    /**
     * Takes away this person's second factor (a lost or new phone): they set up a new one when they next sign in,
     * and every session they have ends now; audited.
     */
    @Post("/{id}/second-factor/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetSecondFactor(@PathVariable UUID id, Authentication who) {
        if (accounts.find(id).filter(AccountView::isStaff).isEmpty()) {
            return Pages.notFound();
        }
        secondFactors.reset(id, UUID.fromString(who.getName()));
        return Pages.seeOther("/staff/admin/staff?reset=" + id);
    }

    private List<Map<String, Object>> staff() {
        return accounts.staff().stream().map(a -> Map.<String, Object>of(
                "id", a.id().toString(),
                "email", a.email(),
                "roles", String.join(", ", a.roles().stream().filter(Role::isStaff).map(Role::label).toList()),
                "disabled", a.disabled())).toList();
    }

    /** The address of the member of staff a query names by id, if it names one on the list. */
    @Nullable
    private static String emailOf(List<Map<String, Object>> staff, @Nullable String id) {
        return staff.stream().filter(m -> m.get("id").equals(id)).findFirst().map(m -> (String) m.get("email"))
                .orElse(null);
    }
}
