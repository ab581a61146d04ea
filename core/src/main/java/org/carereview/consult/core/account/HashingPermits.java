package org.carereview.consult.core.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.RetryLaterException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most one password hash at a time per processor ({@code consult.sign-in.hashing-permits}, 0 for as many as
 * the machine has), so a flood of sign-ins cannot take every core from the rest of the service. A hash that
 * gets no permit within {@code consult.sign-in.hashing-wait} (1 s) is refused with 503 and {@code Retry-After}.
 */
@Singleton
class HashingPermits {

    private final Semaphore permits;
    private final long waitMillis;

    HashingPermits(@Value("${consult.sign-in.hashing-permits:0}") int permits,
                   @Value("${consult.sign-in.hashing-wait:1s}") Duration wait) {
        if (permits < 0 || wait.isNegative()) {
            throw new IllegalArgumentException("consult.sign-in.hashing-permits and hashing-wait must not be negative");
        }
        this.permits = new Semaphore(permits == 0 ? Runtime.getRuntime().availableProcessors() : permits);
        this.waitMillis = wait.toMillis();
    }

    <T> T run(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }

    private RetryLaterException busy() {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "The service is busy",
                "The service is busy checking other sign-ins. Try again in " + seconds
                        + (seconds == 1 ? " second." : " seconds."), seconds);
    }
}
