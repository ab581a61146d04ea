package org.carereview.consult.core.ratelimit;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.Problem;
import org.carereview.consult.core.problem.Requests;

/**
 * Answers a post beyond the rate limit with 429 and {@code Retry-After}: problem+json for API requests.
 * Page controllers catch {@link RateLimitedException} themselves to keep the person's draft; one that
 * escapes gets the ordinary error page with the same status, header and words.
 */
@Singleton
@Produces
final class RateLimitedHandler implements ExceptionHandler<RateLimitedException, HttpResponse<?>> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private final ErrorResponseProcessor<?> errors;

    RateLimitedHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RateLimitedException exception) {
        long seconds = exception.retryAfterSeconds();
        String retryAfter = Long.toString(seconds);
        String detail = detail(seconds);
        if (Requests.isApi(request)) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .contentType(PROBLEM_JSON)
                    .body(Problem.of("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS.getCode(), detail));
        }
        ErrorContext context = ErrorContext.builder(request).cause(exception).errorMessage(detail).build();
        return errors.processResponse(context, HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, retryAfter));
    }

    static String detail(long seconds) {
        return "You have sent a lot in a short time. Try again in " + seconds + (seconds == 1 ? " second" : " seconds")
                + ". Nothing from this request was stored.";
    }
}
