package org.carereview.consult.core.account;

import io.micronaut.http.HttpStatus;
import org.carereview.consult.core.problem.RetryLaterException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cap on hashes at once: one waiting too long for a permit is answered 503 with Retry-After. */
class HashingPermitsTest {

    @Test
    void aHashThatGetsNoPermitInTimeIsRefusedAsBusyWithRetryAfter() throws Exception {
        HashingPermits permits = new HashingPermits(1, Duration.ofMillis(50));
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = other.submit(() -> permits.run(() -> {
                hashing.countDown();
                await(finish);
                return "hashed";
            }));
            assertTrue(hashing.await(10, TimeUnit.SECONDS));

            RetryLaterException busy = assertThrows(RetryLaterException.class, () -> permits.run(() -> "second"));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, busy.status());
            assertEquals(1, busy.retryAfterSeconds());
            assertEquals("The service is busy checking other sign-ins. Try again in 1 second.", busy.getMessage());

            finish.countDown();
            assertEquals("hashed", first.get(10, TimeUnit.SECONDS));
            assertEquals("third", permits.run(() -> "third"), "the permit is given back after each hash");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void zeroPermitsMeansOnePerProcessor() throws Exception {
        HashingPermits permits = new HashingPermits(0, Duration.ofMillis(50));
        int processors = Runtime.getRuntime().availableProcessors();
        CountDownLatch holding = new CountDownLatch(processors);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(processors);
        try {
            for (int i = 0; i < processors; i++) {
                pool.submit(() -> permits.run(() -> {
                    holding.countDown();
                    await(finish);
                    return null;
                }));
            }
            assertTrue(holding.await(10, TimeUnit.SECONDS), "every processor hashes at once");
            assertThrows(RetryLaterException.class, () -> permits.run(() -> "one too many"));
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
