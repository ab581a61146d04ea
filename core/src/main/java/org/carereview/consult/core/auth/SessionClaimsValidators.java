package org.carereview.consult.core.auth;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.AudienceJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.IssuerJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import jakarta.inject.Singleton;

/**
 * Micronaut's issuer and audience checks (turned on in application.yml) for this service's own tokens, which also
 * let the identity provider's ID token through while the sign-in library checks it against the provider's own
 * issuer and audience ({@link ProviderIdTokens}).
 */
@Factory
class SessionClaimsValidators {

    @Singleton
    @Replaces(IssuerJwtClaimsValidator.class)
    @Requires(property = IssuerJwtClaimsValidator.ISSUER_PROP)
    IssuerJwtClaimsValidator<HttpRequest<?>> issuer(JwtClaimsValidatorConfiguration configuration, ProviderIdTokens idTokens) {
        return new IssuerJwtClaimsValidator<>(configuration) {
            @Override
            public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
                return idTokens.isBeingChecked(claims, request) || super.validate(claims, request);
            }
        };
    }

    @Singleton
    @Replaces(AudienceJwtClaimsValidator.class)
    @Requires(property = "micronaut.security.token.jwt.claims-validators.audience")
    AudienceJwtClaimsValidator<HttpRequest<?>> audience(JwtClaimsValidatorConfiguration configuration, ProviderIdTokens idTokens) {
        return new AudienceJwtClaimsValidator<>(configuration) {
            @Override
            public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
                return idTokens.isBeingChecked(claims, request) || super.validate(claims, request);
            }
        };
    }
}
