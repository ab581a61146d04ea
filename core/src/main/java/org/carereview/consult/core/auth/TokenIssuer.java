package org.carereview.consult.core.auth;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.notifications.ClockFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;

/**
 * Issues JWTs whose subject is the account id, with its roles, email and token version; the version
 * is checked on every request ({@link TokenVersionValidator}), so disabling an account works at once. Token times
 * (issued, expires, signed in) are the system's time ({@link ClockFactory#TOKENS}), as the JWT library that checks
 * them reads it.
 */
@Singleton
public class TokenIssuer {

    static final String TOKEN_VERSION = "tv";
    static final String EMAIL = "email";
    /** When the person signed in (seconds since the epoch): a renewed staff session never outlives it by more than the token lifetime. */
    static final String SIGNED_IN_AT = "auth_time";

    private final TokenGenerator generator;
    private final ConsultConfiguration configuration;
    private final InstantSource time;

    TokenIssuer(TokenGenerator generator, ConsultConfiguration configuration,
                @Named(ClockFactory.TOKENS) InstantSource time) {
        this.generator = generator;
        this.configuration = configuration;
        this.time = time;
    }

    public IssuedToken issue(AccountView account) {
        return issue(account.id().toString(), account.roles().stream().map(Role::name).toList(),
                Map.of(EMAIL, account.email(), TOKEN_VERSION, account.tokenVersion(),
                        SIGNED_IN_AT, time.instant().getEpochSecond()),
                configuration.tokenLifetime());
    }

    /** A token for this subject, roles and attributes (never the registered claims), good for this long. */
    IssuedToken issue(String subject, Collection<String> roles, Map<String, Object> attributes, Duration lifetime) {
        int seconds = (int) lifetime.toSeconds();
        String token = generator.generateToken(Authentication.build(subject, roles, attributes), seconds)
                .orElseThrow(() -> new IllegalStateException("JWT could not be generated"));
        return new IssuedToken(token, "Bearer", seconds);
    }
}
