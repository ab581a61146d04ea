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

    TokenVersionValidator(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
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
