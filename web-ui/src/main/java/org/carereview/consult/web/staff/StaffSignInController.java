package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.auth.AuthCookies;
import org.carereview.consult.core.auth.StaffSessions;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.RetryLaterException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.signin.StaffSignIn;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Optional;

/**
 * Staff sign in with email and password; the JWT goes into an HttpOnly cookie. Too many attempts are refused
 * before the password is checked (ADR 23): the same page, 429, says when to try again and keeps the email. An
 * account that needs a second factor gets no session yet, only the half-signed-in cookie, and goes on to the code
 * page, or to set one up (ADR 25). Where the organisation's identity provider is configured the page also offers
 * sign-in there (ADR 28), and says why one was refused.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffSignInController {

    @Serdeable
    record SignInForm(@Nullable String email, @Nullable String password) {
    }

    private final StaffSignIn staffSignIn;
    private final AccountService accounts;
    private final SignInSteps steps;
    private final OrganisationSignInPage organisation;

    StaffSignInController(StaffSignIn staffSignIn, AccountService accounts, SignInSteps steps,
                          OrganisationSignInPage organisation) {
        this.staffSignIn = staffSignIn;
        this.accounts = accounts;
        this.steps = steps;
        this.organisation = organisation;
    }

    @NotAudited("a sign-in form")
    @Get("/staff/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Object form(@Nullable Authentication authentication, @Nullable @QueryValue String refused) {
        if (authentication != null && StaffSessions.isStaff(authentication)) {
            return Pages.seeOther("/staff");
        }
        Optional<String> why = organisation.refusal(refused);
        return why.isPresent()
                ? Pages.withErrors(HttpStatus.OK, "staff/sign-in", model(""), List.of(new FieldError("organisation", why.get())))
                : Pages.view("staff/sign-in", model(""));
    }

    /** The page's model: the email typed, and the organisation's sign-in button where one is configured. */
    private SignInPage model(String email) {
        return new SignInPage(email, organisation.label().orElse(null));
    }

    /** Staff sign-in ({@code staff/sign-in}): the address typed, and the organisation's button's label (or null). */
    @Introspected
    record SignInPage(String email, @Nullable String organisation) {
    }

    @Post("/staff/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        String email = form.email() == null ? "" : form.email();
        String password = form.password() == null ? "" : form.password();
        Optional<AccountView> account;
        try {
            account = email.isBlank() || password.isEmpty() ? Optional.empty()
                    : staffSignIn.signIn(email, password, request);
        } catch (RetryLaterException refused) {
            // Too many attempts (429), or too many sign-ins being checked at once (503): the words say when.
            return Pages.withErrors(refused.status(), "staff/sign-in", model(email),
                            List.of(new FieldError("email", refused.getMessage())))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        }
        if (account.isEmpty()) {
            List<FieldError> errors = email.isBlank()
                    ? List.of(new FieldError("email", "Enter your email address"))
                    : password.isEmpty() ? List.of(new FieldError("password", "Enter your password"))
                    : List.of(new FieldError("email", "Enter a correct email address and password"));
            return Pages.invalid("staff/sign-in", model(email), errors);
        }
        return steps.afterFirstStep(account.get(), true, request);
    }

    @Post("/sign-out")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication != null) {
            accounts.endSessions(java.util.UUID.fromString(authentication.getName()), null);
        }
        return Pages.seeOther("/").cookie(AuthCookies.signOut(request));
    }
}
