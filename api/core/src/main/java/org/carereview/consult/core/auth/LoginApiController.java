package org.carereview.consult.core.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.problem.ProblemException;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginApiController {

    @Serdeable
    record Credentials(@Nullable String email, @Nullable String password) {
    }

    private final AccountService accounts;
    private final TokenIssuer issuer;

    LoginApiController(AccountService accounts, TokenIssuer issuer) {
        this.accounts = accounts;
        this.issuer = issuer;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    IssuedToken login(@Body Credentials credentials) {
        String email = credentials.email() == null ? "" : credentials.email();
        String password = credentials.password() == null ? "" : credentials.password();
        return accounts.authenticate(email, password)
                .filter(account -> account.isStaff())
                .map(issuer::issue)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                        "Email or password not recognised", "Check your email address and password and try again."));
    }
}
