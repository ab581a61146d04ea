package org.carereview.consult.web.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What no other handler answers. When the database cannot be reached (stopped, restarting, or no connection free
 * within {@code datasources.default.connection-timeout}), the answer is 503 with {@code Retry-After}, the GOV.UK
 * "service unavailable" page or a problem, within that timeout: never a 500, and never a 30-second wait. Anything
 * else is the usual 500, logged as Micronaut would (the database's messages name rules, not rows).
 */
@Singleton
@Produces
final class ServerErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorHandler.class);

    private final ErrorResponseProcessor<?> processor;

    ServerErrorHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (DatabaseDown.is(exception)) {
            LOG.warn("The database could not be reached ({}); answered 503", exception.getClass().getSimpleName());
            return processor.processResponse(ErrorContext.builder(request)
                            .errorMessage("The service is unavailable. Try again in a few seconds.").build(),
                    HttpResponse.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS));
        }
        LOG.error("Unexpected error occurred: {}", exception.getMessage(), exception);
        return processor.processResponse(ErrorContext.builder(request).cause(exception)
                .errorMessage("Internal Server Error").build(), HttpResponse.serverError());
    }
}
