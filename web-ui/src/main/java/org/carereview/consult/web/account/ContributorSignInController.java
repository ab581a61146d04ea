package org.carereview.consult.web.account;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.account.MagicLinks;
import org.carereview.consult.core.auth.AuthCookies;
import org.carereview.consult.core.auth.TokenIssuer;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.ratelimit.RateLimitedException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.web.Pages;

import java.util.List;

/**
 * People who sent their views sign in with an emailed link, to see what they sent and withdraw it.
 *
 * <p>Opening the link ({@code GET /sign-in/{token}}) changes nothing: it shows a "Sign in" button that
 * posts the token back (with the CSRF token). Email security scanners open links in emails before
 * people do; if a GET used the single-use link, the scanner would use it up and the person would see
 * "This link has expired". Only a person pressing the button signs in.
 */
@Controller("/sign-in")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ContributorSignInController {

    /** Asks for the address to send a sign-in link to ({@code account/sign-in}), as typed. */
    @Introspected
    record SignInPage(String email) {
    }

    /** The button that uses a sign-in link ({@code account/confirm-sign-in}): the link's token, posted back. */
    @Introspected
    record ConfirmPage(String token) {
    }

    @Serdeable
    record EmailForm(@Nullable String email) {
    }

    private final MagicLinks links;
    private final TokenIssuer tokens;
    private final RateLimiter rateLimiter;

    ContributorSignInController(MagicLinks links, TokenIssuer tokens, RateLimiter rateLimiter) {
        this.links = links;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
    }

    @NotAudited("a sign-in form")
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    Object form(@Nullable Authentication authentication) {
        if (authentication != null) {
            return Pages.seeOther(YourSubmissionsController.PATH);
        }
        return Pages.view("account/sign-in", new SignInPage(""));
    }

    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(HttpRequest<?> request, @Body EmailForm form) {
        String email = form.email() == null ? "" : form.email();
        try {
            rateLimiter.check("public-post", request);
            links.request(email);
        } catch (InvalidInputException e) {
            return Pages.invalid("account/sign-in", new SignInPage(email), e.errors());
        } catch (RateLimitedException e) {
            return Pages.withErrors(HttpStatus.TOO_MANY_REQUESTS, "account/sign-in", new SignInPage(email),
                    List.of(FieldError.of("email", "account.error.rateLimited", e.retryAfterSeconds())))
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return Pages.seeOther("/sign-in/check-your-email");
    }

    @NotAudited("a public page")
    @Get("/check-your-email")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Object checkYourEmail() {
        return Pages.view("account/check-your-email");
    }

    @NotAudited("a sign-in link")
    @Get("/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> confirm(@PathVariable String token) {
        if (!links.isValid(token)) {
            return expired();
        }
        return HttpResponse.ok(Pages.view("account/confirm-sign-in", new ConfirmPage(token)))
                .header("Cache-Control", "no-store");
    }

    @Post("/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @PathVariable String token) {
        return links.redeem(token)
                .<HttpResponse<?>>map(account -> Pages.seeOther(YourSubmissionsController.PATH)
                        .cookie(AuthCookies.signIn(tokens.issue(account), request)))
                .orElseGet(ContributorSignInController::expired);
    }

    private static HttpResponse<?> expired() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(Pages.view("account/link-expired"))
                .header("Cache-Control", "no-store");
    }
}
