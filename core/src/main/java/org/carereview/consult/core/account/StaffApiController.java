package org.carereview.consult.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.PersonalData;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/admin/staff")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffApiController {

    @Serdeable
    record Invitation(@Nullable String email, @Nullable String role) {
    }

    @Serdeable
    record Change(@Nullable Boolean disabled) {
    }

    private final AccountService accounts;
    private final AuditLog audit;

    StaffApiController(AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @PersonalData
    @Get
    Map<String, List<AccountView>> list(Authentication who) {
        List<AccountView> staff = accounts.staff();
        audit.recordList(UUID.fromString(who.getName()), AuditAction.LIST, "staff", staff.size());
        return Map.of("items", staff);
    }

    @Post
    @Status(HttpStatus.CREATED)
    HttpResponse<AccountView> invite(@Body Invitation invitation, Authentication who) {
        AccountView invited = accounts.inviteStaff(invitation.email(), invitation.role(), UUID.fromString(who.getName()));
        return HttpResponse.created(invited, URI.create("/api/v1/admin/staff/" + invited.id()));
    }

    @Patch("/{id}")
    AccountView change(@PathVariable UUID id, @Body Change change, Authentication who) {
        if (change.disabled() == null) {
            throw new InvalidInputException("disabled", "Say whether the account is disabled: true or false");
        }
        return accounts.setDisabled(id, change.disabled(), UUID.fromString(who.getName()));
    }

    /** Ends every session of this member of staff at once (a lost laptop, a shared screen); audited. */
    @Post("/{id}/sign-out")
    HttpResponse<Void> signOut(@PathVariable UUID id, Authentication who) {
        accounts.endSessions(id, UUID.fromString(who.getName()));
        return HttpResponse.noContent();
    }
}
