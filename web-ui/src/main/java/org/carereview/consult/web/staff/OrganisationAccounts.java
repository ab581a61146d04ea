package org.carereview.consult.web.staff;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.account.OrganisationSignIn;
import org.carereview.consult.core.account.Role;
import org.reactivestreams.Publisher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Who an OpenID Connect sign-in is here (ADR 28): the provider's ID token has been checked by micronaut-security-oauth2
 * (signature from the provider's keys, issuer, audience, expiry, nonce); {@link OrganisationSignIn} finds the
 * member of staff, whose roles are the ones granted here. Runs on the blocking pool: it reads the database.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
class OrganisationAccounts implements OpenIdAuthenticationMapper {

    private final OrganisationSignIn signIn;
    private final ExecutorService blocking;

    OrganisationAccounts(OrganisationSignIn signIn, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.signIn = signIn;
        this.blocking = executor;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
            OpenIdTokenResponse tokenResponse, OpenIdClaims claims, @Nullable State state) {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(() -> respond(signIn.signIn(
                claims.getIssuer(), claims.getSubject(), claims.getEmail(), claims.isEmailVerified())), blocking));
    }

    private static AuthenticationResponse respond(OrganisationSignIn.Outcome outcome) {
        AccountView account = outcome.account();
        if (account == null) {
            return AuthenticationResponse.failure(outcome.refusal().name());
        }
        return AuthenticationResponse.success(account.id().toString(), account.roles().stream().map(Role::name).toList());
    }
}
