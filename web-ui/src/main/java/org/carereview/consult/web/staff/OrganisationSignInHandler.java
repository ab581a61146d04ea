package org.carereview.consult.web.staff;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.OrganisationSignIn;
import org.carereview.consult.web.Pages;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The end of a sign-in through the organisation's identity provider (ADR 28), as the end of a password sign-in:
 * the session cookie and the staff home page; or, where this service asks for its own second factor, the
 * half-signed-in cookie and the code (or set-up) page; or, refused, the sign-in page saying why.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class OrganisationSignInHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    static final String REFUSED = "/staff/sign-in?refused=";

    private final AccountService accounts;
    private final SignInSteps steps;
    private final OrganisationSignInConfiguration configuration;

    OrganisationSignInHandler(AccountService accounts, SignInSteps steps, OrganisationSignInConfiguration configuration) {
        this.accounts = accounts;
        this.steps = steps;
        this.configuration = configuration;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Optional<AccountView> account = accounts.find(UUID.fromString(authentication.getName()))
                .filter(a -> a.isStaff() && !a.disabled());
        if (account.isEmpty()) {
            return Pages.seeOther(REFUSED + "no-staff-account");
        }
        return steps.afterFirstStep(account.get(), !configuration.trustSecondFactor(), request);
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return loginSuccess(authentication, request);
    }

    private static boolean isRefusal(String message) {
        return java.util.Arrays.stream(OrganisationSignIn.Refusal.values()).anyMatch(r -> r.name().equals(message));
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failed, HttpRequest<?> request) {
        // Our own refusals carry their reason; anything else (a lost or forged state, a refused token) did not finish.
        String reason = failed.getMessage().filter(OrganisationSignInHandler::isRefusal).orElse("NOT_FINISHED");
        return Pages.seeOther(REFUSED + reason.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
