package org.carereview.consult.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.ratelimit.RateLimitedException;
import org.carereview.consult.core.ratelimit.RateLimiter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Guessing resume codes is slowed far below the general limit, in every journey alike. */
public final class ResumeCodeGuard {

    public static final int GUESSES_PER_MINUTE = 10;

    private ResumeCodeGuard() {
    }

    /** The 429 page (the resume form again, saying when to try) if this address has guessed too often. */
    public static Optional<HttpResponse<?>> tooManyGuesses(RateLimiter rateLimiter, HttpRequest<?> request, String view,
                                                           String code) {
        try {
            rateLimiter.check("resume-code", request, GUESSES_PER_MINUTE);
            return Optional.empty();
        } catch (RateLimitedException e) {
            return Optional.of(Pages.withErrors(HttpStatus.TOO_MANY_REQUESTS, view, Map.of("code", code),
                    List.of(new FieldError("code", "You have tried a lot of codes. Wait " + e.retryAfterSeconds()
                            + " seconds and try again.")))
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds())));
        }
    }
}
