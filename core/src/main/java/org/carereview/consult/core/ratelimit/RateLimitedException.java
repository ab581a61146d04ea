package org.carereview.consult.core.ratelimit;

/**
 * A post beyond the rate limit. Nothing has been stored for it: callers check before creating anything.
 * API requests are answered 429 with {@code Retry-After}; page controllers catch it, keep the person's
 * draft and say when to try again. It carries no client address and no stack trace (it is thrown by
 * design, often, under a flood).
 */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super("Rate limit reached; retry after " + Math.max(1, retryAfterSeconds) + " s", null, false, false);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds until the current window ends, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
