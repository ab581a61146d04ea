package org.carereview.consult.core.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.signin.StaffSignIn;

/**
 * Staff sign in with email and password for a bearer token. Too many attempts are refused with 429 and
 * {@code Retry-After} before any password is checked (ADR 23).
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginApiController {

    @Serdeable
    record Credentials(@Nullable String email, @Nullable String password) {
    }

    private final StaffSignIn signIn;
    private final TokenIssuer issuer;

    LoginApiController(StaffSignIn signIn, TokenIssuer issuer) {
        this.signIn = signIn;
        this.issuer = issuer;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    IssuedToken login(HttpRequest<?> request, @Body Credentials credentials) {
        String email = credentials.email() == null ? "" : credentials.email();
        String password = credentials.password() == null ? "" : credentials.password();
        return signIn.signIn(email, password, request)
                .map(issuer::issue)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                        "Email or password not recognised", "Check your email address and password and try again."));
    }
}
