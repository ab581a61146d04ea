package org.carereview.consult.web.staff;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;

/**
 * With an OpenID Connect client configured, micronaut-security-oauth2 also makes a token validator that takes any
 * token a request carries (cookie or bearer) to the provider's userinfo endpoint and, if the provider knows it, makes
 * a session of it, with the provider's subject and claims (roles included) and none of this service's checks. Here
 * the provider only proves who someone is at sign-in (ADR 28): that validator is swapped for one that accepts
 * nothing, and its HTTP client closed. OrganisationSignInTest proves a provider's own token is no session.
 */
@Singleton
class NoSessionFromProviderTokens implements BeanCreatedEventListener<TokenValidator<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(NoSessionFromProviderTokens.class);
    static final String USER_INFO_VALIDATOR = "UserInfoClientTokenValidator";

    @Override
    public TokenValidator<?> onCreated(BeanCreatedEvent<TokenValidator<?>> event) {
        TokenValidator<?> validator = event.getBean();
        if (!validator.getClass().getSimpleName().equals(USER_INFO_VALIDATOR)) {
            return validator;
        }
        if (validator instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                LOG.debug("Could not close the unused userinfo client");
            }
        }
        return (token, request) -> Publishers.empty();
    }
}
