package org.carereview.consult.core.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import jakarta.inject.Singleton;

/**
 * Tells an ID token from the organisation's identity provider (ADR 28) from this service's own tokens while
 * micronaut-security-oauth2 checks it at the end of a sign-in there. That check runs every claims validator, ours
 * included (with the callback request, or none); ours would refuse the provider's issuer and audience. The library
 * itself checks the ID token's signature against the provider's keys, its issuer, audience, expiry and nonce. Any
 * other token (a cookie or a bearer token) is checked in full, and only a signature with this service's own key
 * makes it a session at all: the provider's tokens are no session here (OrganisationSignInTest).
 */
@Singleton
class ProviderIdTokens {

    /** Where the provider sends people back, with the code the library exchanges for the ID token it then checks. */
    static final String CALLBACK = "/oauth/callback/";

    private final String issuer;

    ProviderIdTokens(@Nullable @Value("${micronaut.security.oauth2.clients.organisation.openid.issuer:}") String issuer) {
        this.issuer = normalise(issuer);
    }

    /** Whether these claims are the provider's ID token being checked at the end of its sign-in. */
    boolean isBeingChecked(Claims claims, @Nullable HttpRequest<?> request) {
        Object tokenIssuer = claims.get(Claims.ISSUER);
        return (request == null || request.getPath().startsWith(CALLBACK)) && !issuer.isEmpty() && tokenIssuer != null
                && issuer.equals(normalise(tokenIssuer.toString()));
    }

    private static String normalise(@Nullable String value) {
        String trimmed = value == null ? "" : value.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
