package org.carereview.consult.core.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;

import java.util.UUID;

/**
 * Accepts a token only while its account exists, is enabled and still has the token's version:
 * one primary-key read per request keeps the nodes stateless and revocation immediate.
 */
@Singleton
class TokenVersionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final AccountService accounts;
    private final ProviderIdTokens idTokens;

    TokenVersionValidator(AccountService accounts, ProviderIdTokens idTokens) {
        this.accounts = accounts;
        this.idTokens = idTokens;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        if (idTokens.isBeingChecked(claims, request)) {
            return true; // the identity provider's ID token (ADR 28): it names no account here, by design
        }
        Object subject = claims.get(Claims.SUBJECT);
        Object version = claims.get(TokenIssuer.TOKEN_VERSION);
        if (subject == null || !(version instanceof Number number)) {
            return false;
        }
        try {
            return accounts.tokenIsCurrent(UUID.fromString(subject.toString()), number.intValue());
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
