package org.carereview.consult.core.auth;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.config.ConsultConfiguration;

import java.util.Map;

/**
 * Issues JWTs whose subject is the account id, with its roles, email and token version; the version
 * is checked on every request ({@link TokenVersionValidator}), so disabling an account works at once.
 */
@Singleton
public class TokenIssuer {

    static final String TOKEN_VERSION = "tv";
    static final String EMAIL = "email";

    private final TokenGenerator generator;
    private final ConsultConfiguration configuration;

    TokenIssuer(TokenGenerator generator, ConsultConfiguration configuration) {
        this.generator = generator;
        this.configuration = configuration;
    }

    public IssuedToken issue(AccountView account) {
        int seconds = (int) configuration.tokenLifetime().toSeconds();
        Authentication authentication = Authentication.build(account.id().toString(),
                account.roles().stream().map(Role::name).toList(),
                Map.of(EMAIL, account.email(), TOKEN_VERSION, account.tokenVersion()));
        String token = generator.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("JWT could not be generated"));
        return new IssuedToken(token, "Bearer", seconds);
    }
}
