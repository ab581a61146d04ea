package org.carereview.consult.core.signin;

import io.micronaut.http.HttpStatus;
import org.carereview.consult.core.problem.RetryLaterException;

/**
 * A staff sign-in refused for too many attempts, before its password was checked: 429 with {@code Retry-After}
 * and a problem that says when to try again. The sign-in page catches it and says the same on the page.
 */
public class SignInThrottledException extends RetryLaterException {

    /** Which limit refused the attempt: the email's account, or the client's address. */
    public enum Limit {
        ACCOUNT, ADDRESS;

        /** The audit log's detail: {@code account} or {@code address}. */
        String detail() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Limit limit;

    SignInThrottledException(Limit limit, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "Too many attempts to sign in",
                words(minutes(retryAfterSeconds)), retryAfterSeconds);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }

    /** Whole minutes until trying again can succeed, rounded up, at least 1. */
    public long minutes() {
        return minutes(retryAfterSeconds());
    }

    private static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }

    private static String words(long minutes) {
        return "Too many attempts to sign in. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
