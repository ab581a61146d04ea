package org.carereview.consult.core.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.config.ConsultConfiguration;

/** Refuses to start with a missing or short JWT secret unless this is the demo mode (embedded database). */
@Context
final class JwtSecretCheck {

    static final int MIN_LENGTH = 32;

    JwtSecretCheck(ConsultConfiguration configuration,
                   @Nullable @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String secret) {
        if (!configuration.demoMode() && (secret == null || secret.length() < MIN_LENGTH)) {
            throw new IllegalStateException("JWT_SECRET must be set to at least " + MIN_LENGTH
                    + " characters when a real database is configured");
        }
    }
}
