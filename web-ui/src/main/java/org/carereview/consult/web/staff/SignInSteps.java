package org.carereview.consult.web.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.auth.AuthCookies;
import org.carereview.consult.core.auth.TokenIssuer;
import org.carereview.consult.core.secondfactor.SecondFactors;
import org.carereview.consult.web.Pages;

/**
 * Where a staff sign-in goes once its first step is done (the password, or the organisation's identity provider):
 * for an account that needs this service's second factor (ADR 25), the code page, or the set-up page the first time,
 * with the half-signed-in cookie; otherwise the staff home page with the session cookie.
 */
@Singleton
class SignInSteps {

    private final SecondFactors secondFactors;
    private final TokenIssuer tokens;
    private final HalfSignIn half;

    SignInSteps(SecondFactors secondFactors, TokenIssuer tokens, HalfSignIn half) {
        this.secondFactors = secondFactors;
        this.tokens = tokens;
        this.half = half;
    }

    /** {@code askSecondFactor} false: the first step already asked for one (a provider trusted to, ADR 28). */
    MutableHttpResponse<?> afterFirstStep(AccountView account, boolean askSecondFactor, HttpRequest<?> request) {
        SecondFactors.Status status = secondFactors.status(account);
        if (askSecondFactor && status.needsSecondStep()) {
            String next = status.state() == SecondFactors.State.ENROLLED ? "/staff/sign-in/code" : "/staff/sign-in/set-up";
            return Pages.seeOther(next).cookie(half.issue(account, HalfSignIn.Stage.PASSWORD, request));
        }
        return Pages.seeOther("/staff").cookie(AuthCookies.signIn(tokens.issue(account), request));
    }
}
