package org.carereview.consult.core.auth;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.carereview.consult.core.account.AccountService;

import java.util.UUID;

/** Signing out through the API: the bearer token, and every other token of the account, stops working at once. */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class SignOutApiController {

    private final AccountService accounts;

    SignOutApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> logout(Authentication who) {
        accounts.endSessions(UUID.fromString(who.getName()), null);
        return HttpResponse.noContent();
    }
}
