package org.carereview.consult.core.problem;

import io.micronaut.http.HttpStatus;

/**
 * A refusal that says when to try again: answered with its status, a {@code Retry-After} header (whole seconds)
 * and a problem. Thrown by design, often, under a flood: it carries no stack trace.
 */
public class RetryLaterException extends ProblemException {

    private final long retryAfterSeconds;

    public RetryLaterException(HttpStatus status, String slug, String title, String detail, long retryAfterSeconds) {
        super(status, slug, title, detail, false);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds until trying again can succeed, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
