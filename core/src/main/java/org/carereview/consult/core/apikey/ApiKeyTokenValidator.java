package org.carereview.consult.core.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Accepts an integration's key sent as {@code Authorization: Bearer consult_...}, while it is neither revoked
 * nor expired. A key anywhere else (the JWT cookie is for people's browsers) is not accepted; anything that is
 * not a key is left to the JWT validators. One indexed read per request, as the token-version check makes.
 */
@Singleton
class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final ApiKeys keys;

    ApiKeyTokenValidator(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        if (!ApiKeyFormat.looksLikeKey(token) || request == null || !sentAsBearer(token, request)) {
            return Publishers.empty();
        }
        return keys.check(token).map(ApiKeyCaller::authentication).map(Publishers::just).orElseGet(Publishers::empty);
    }

    private static boolean sentAsBearer(String token, HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return header != null && header.equals("Bearer " + token);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }
}
