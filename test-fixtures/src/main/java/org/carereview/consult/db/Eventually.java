package org.carereview.consult.db;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waits for what another thread or node does soon after a change (an announcement heard, a cache read again),
 * checking every 20 ms, and fails the test if it has not happened within 10 s.
 */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static void holds(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "within " + LIMIT.toSeconds() + " s: " + what);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
