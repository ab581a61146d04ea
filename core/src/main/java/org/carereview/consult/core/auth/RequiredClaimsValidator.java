package org.carereview.consult.core.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Refuses a token that does not say when it expires or when it was issued. Micronaut's own validators check the
 * values when they are there (expiry, not-before, issuer and audience, turned on in application.yml) but accept a
 * token without an expiry, which would be good for ever.
 */
@Singleton
class RequiredClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final ProviderIdTokens idTokens;

    RequiredClaimsValidator(ProviderIdTokens idTokens) {
        this.idTokens = idTokens;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        // The identity provider's ID token (ADR 28) is checked by the sign-in library, which requires its expiry.
        return idTokens.isBeingChecked(claims, request) || claims.get(Claims.EXPIRATION_TIME) != null && claims.get(Claims.ISSUED_AT) != null
                && claims.get(Claims.NOT_BEFORE) != null;
    }
}
