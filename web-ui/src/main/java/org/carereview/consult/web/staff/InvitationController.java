package org.carereview.consult.web.staff;

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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.auth.AuthCookies;
import org.carereview.consult.core.auth.TokenIssuer;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.web.Pages;


/** An invited member of staff follows the emailed link once, sets a password and is signed in. */
@Controller("/staff/invitation/{token}")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationController {

    /** Setting a password from an invitation ({@code staff/set-password}): the invitation's token, posted back. */
    @Introspected
    record SetPasswordPage(String token) {
    }

    @Serdeable
    record PasswordForm(@Nullable String password, @Nullable String confirmPassword) {
    }

    private final AccountService accounts;
    private final TokenIssuer tokens;

    InvitationController(AccountService accounts, TokenIssuer tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @NotAudited("a form to accept an invitation")
    @Get
    HttpResponse<?> form(@PathVariable String token) {
        if (!accounts.invitationIsValid(token)) {
            return expired();
        }
        return HttpResponse.ok(Pages.view("staff/set-password", new SetPasswordPage(token)));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(HttpRequest<?> request, @PathVariable String token, @Body PasswordForm form) {
        try {
            AccountView account = accounts.acceptInvitation(token, form.password(), form.confirmPassword());
            return Pages.seeOther("/staff").cookie(AuthCookies.signIn(tokens.issue(account), request));
        } catch (InvalidInputException e) {
            return Pages.invalid("staff/set-password", new SetPasswordPage(token), e.errors());
        } catch (ProblemException e) {
            return expired();
        }
    }

    private static HttpResponse<?> expired() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(Pages.view("staff/invitation-expired"));
    }
}
