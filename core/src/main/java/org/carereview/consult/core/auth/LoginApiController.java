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
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.secondfactor.SecondFactors;
import org.carereview.consult.core.signin.StaffSignIn;

/**
 * Staff sign in with email and password for a bearer token. Too many attempts are refused with 429 and
 * {@code Retry-After} before any password is checked (ADR 23). An account with a second factor must also send a
 * {@code code} (6 digits or a recovery code); one that must set one up still gets a token with its password alone
 * until its enrolment deadline, then must set it up through the browser sign-in (ADR 25).
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginApiController {

    @Serdeable
    record Credentials(@Nullable String email, @Nullable String password, @Nullable String code) {
    }

    /** The token, and where the account's second factor stands: {@code ENROLLED}, {@code NOT_NEEDED} or {@code ENROL_BY <instant>}. */
    @Serdeable
    record SignedIn(String accessToken, String tokenType, long expiresIn, String secondFactor) {
    }

    private final StaffSignIn signIn;
    private final TokenIssuer issuer;
    private final SecondFactors secondFactors;

    LoginApiController(StaffSignIn signIn, TokenIssuer issuer, SecondFactors secondFactors) {
        this.signIn = signIn;
        this.issuer = issuer;
        this.secondFactors = secondFactors;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    SignedIn login(HttpRequest<?> request, @Body Credentials credentials) {
        String email = credentials.email() == null ? "" : credentials.email();
        String password = credentials.password() == null ? "" : credentials.password();
        AccountView account = signIn.signIn(email, password, request)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                        "Email or password not recognised", "Check your email address and password and try again."));
        SecondFactors.Status status = secondFactors.status(account);
        String standing = switch (status.state()) {
            case NOT_NEEDED -> "NOT_NEEDED";
            case ENROLLED -> {
                if (credentials.code() == null || credentials.code().isBlank()) {
                    throw new ProblemException(HttpStatus.UNAUTHORIZED, "second-factor-required",
                            "Code from your authenticator app needed", "Send the 6-digit code from your "
                            + "authenticator app, or a recovery code, as \"code\" with your email and password.");
                }
                if (!secondFactors.check(account.id(), credentials.code(), request)) {
                    throw new ProblemException(HttpStatus.UNAUTHORIZED, "second-factor-refused", "Code not accepted",
                            "The code is wrong, used already or too old. Send the code your authenticator app "
                            + "shows now, or an unused recovery code.");
                }
                yield "ENROLLED";
            }
            case MUST_ENROL -> "ENROL_BY " + status.enrolBy();
            case OVERDUE -> throw new ProblemException(HttpStatus.UNAUTHORIZED, "second-factor-enrolment-overdue",
                    "Set up your authenticator app first", "Your account needs a second factor. Sign in on the "
                    + "website at /staff/sign-in to set it up, then send its code here with your password.");
        };
        IssuedToken token = issuer.issue(account);
        return new SignedIn(token.accessToken(), token.tokenType(), token.expiresIn(), standing);
    }
}
