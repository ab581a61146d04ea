package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.auth.AuthCookies;
import org.carereview.consult.core.auth.TokenIssuer;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.RetryLaterException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.secondfactor.SecondFactors;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Optional;

/**
 * The second step of staff sign-in (ADR 25), for a browser that is half signed in ({@link HalfSignIn}): the code
 * from the authenticator app or a recovery code; or, for an account that must have one and has none, setting it
 * up, seeing the recovery codes once, and only then the session. Without a good half-signed-in cookie every page
 * sends the browser back to the sign-in page.
 */
@Controller("/staff/sign-in")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondFactorSignInController {

    @Serdeable
    record CodeForm(@Nullable String code) {
    }

    private static final String SIGN_IN = "/staff/sign-in";

    private final HalfSignIn half;
    private final SecondFactors secondFactors;
    private final TokenIssuer tokens;

    SecondFactorSignInController(HalfSignIn half, SecondFactors secondFactors, TokenIssuer tokens) {
        this.half = half;
        this.secondFactors = secondFactors;
        this.tokens = tokens;
    }

    @NotAudited("the code form of one's own sign-in")
    @Get("/code")
    HttpResponse<?> code(HttpRequest<?> request) {
        return codePage(request, false);
    }

    @NotAudited("the recovery code form of one's own sign-in")
    @Get("/recovery-code")
    HttpResponse<?> recoveryCode(HttpRequest<?> request) {
        return codePage(request, true);
    }

    @Post("/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> checkCode(HttpRequest<?> request, @Body CodeForm form) {
        return check(request, form, false);
    }

    @Post("/recovery-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> checkRecoveryCode(HttpRequest<?> request, @Body CodeForm form) {
        return check(request, form, true);
    }

    @NotAudited("setting up one's own second factor")
    @Get("/set-up")
    HttpResponse<?> setUp(HttpRequest<?> request) {
        Optional<AccountView> account = half.read(request, HalfSignIn.Stage.PASSWORD);
        if (account.isEmpty()) {
            return Pages.seeOther(SIGN_IN);
        }
        if (secondFactors.status(account.get()).state() == SecondFactors.State.ENROLLED) {
            return Pages.seeOther(SIGN_IN + "/code");
        }
        return HttpResponse.ok(SetUpPages.setUp(secondFactors.begin(account.get()), SIGN_IN + "/set-up"));
    }

    @Post("/set-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(HttpRequest<?> request, @Body CodeForm form) {
        Optional<AccountView> account = half.read(request, HalfSignIn.Stage.PASSWORD);
        if (account.isEmpty()) {
            return Pages.seeOther(SIGN_IN);
        }
        Optional<List<String>> codes = secondFactors.confirm(account.get().id(), form.code());
        if (codes.isEmpty()) {
            return SetUpPages.wrongCode(secondFactors.begin(account.get()), SIGN_IN + "/set-up");
        }
        return SetUpPages.recoveryCodes(codes.get(), SIGN_IN + "/saved", null)
                .cookie(half.issue(account.get(), HalfSignIn.Stage.CODES_SHOWN, request));
    }

    /** "I have saved my recovery codes": the session starts. */
    @Post("/saved")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saved(HttpRequest<?> request) {
        return half.read(request, HalfSignIn.Stage.CODES_SHOWN).<HttpResponse<?>>map(a -> signedIn(a, request))
                .orElseGet(() -> Pages.seeOther(SIGN_IN));
    }

    private HttpResponse<?> check(HttpRequest<?> request, CodeForm form, boolean recovery) {
        Optional<AccountView> account = enrolled(request);
        if (account.isEmpty()) {
            return Pages.seeOther(SIGN_IN);
        }
        String code = form.code() == null ? "" : form.code().strip();
        try {
            if (!code.isEmpty() && secondFactors.check(account.get().id(), code, request)) {
                return signedIn(account.get(), request);
            }
        } catch (RetryLaterException refused) {
            return Pages.withErrors(refused.status(), "staff/sign-in-code", model(recovery),
                            List.of(new FieldError("code", refused.getMessage())))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        }
        String error = code.isEmpty() ? (recovery ? "Enter a recovery code" : "Enter the 6-digit code from your "
                + "authenticator app") : recovery ? "That recovery code is not right or was used before. Check it and "
                + "try again" : "That code is not right. Enter the code your app shows now";
        return Pages.invalid("staff/sign-in-code", model(recovery), List.of(new FieldError("code", error)));
    }

    private Optional<AccountView> enrolled(HttpRequest<?> request) {
        return half.read(request, HalfSignIn.Stage.PASSWORD)
                .filter(a -> secondFactors.status(a).state() == SecondFactors.State.ENROLLED);
    }

    private HttpResponse<?> signedIn(AccountView account, HttpRequest<?> request) {
        return Pages.seeOther("/staff").cookie(AuthCookies.signIn(tokens.issue(account), request))
                .cookie(half.clear(request));
    }

    private HttpResponse<?> codePage(HttpRequest<?> request, boolean recovery) {
        return enrolled(request).<HttpResponse<?>>map(a -> HttpResponse.ok(Pages.view("staff/sign-in-code",
                model(recovery)))).orElseGet(() -> Pages.seeOther(SIGN_IN));
    }

    private static CodePage model(boolean recovery) {
        return new CodePage(recovery);
    }

    /** The second step of signing in ({@code staff/sign-in-code}): the app's code, or a recovery code. */
    @Introspected
    record CodePage(boolean recovery) {
    }
}
