package org.carereview.consult.core.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The audience written into every token ({@code aud}); tokens for another audience, even signed with our key, are
 * refused ({@code micronaut.security.token.jwt.claims-validators.audience}).
 */
@Singleton
class TokenAudience implements ClaimsAudienceProvider {

    private final String audience;

    TokenAudience(@Value("${micronaut.security.token.jwt.claims-validators.audience}") String audience) {
        this.audience = audience;
    }

    @Override
    public List<String> audience() {
        return List.of(audience);
    }
}
