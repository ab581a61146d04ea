package org.carereview.consult.web.staff;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseException;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseExceptionHandler;
import jakarta.inject.Singleton;
import org.carereview.consult.web.Pages;

/**
 * The identity provider sent the person back with an error (they cancelled, or it refused them): the sign-in page,
 * saying it did not finish (ADR 28), rather than a bare 400.
 */
@Produces
@Singleton
@Replaces(AuthorizationErrorResponseExceptionHandler.class)
class ProviderRefusedHandler implements ExceptionHandler<AuthorizationErrorResponseException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationErrorResponseException refused) {
        return Pages.seeOther(OrganisationSignInHandler.REFUSED + "not-finished");
    }
}
