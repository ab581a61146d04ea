package org.carereview.consult.core.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copies of a piece of work run side by side, and the caller waits for every one of them. */
class ParallelTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void runsTheCopiesSideBySideAndReturnsWhenAllHaveFinished() {
        CountDownLatch allStarted = new CountDownLatch(3);
        AtomicInteger finished = new AtomicInteger();
        Parallel.runOnEach(threads, 3, () -> {
            allStarted.countDown();
            try {
                // Only copies running at the same time can all get past this.
                assertTrue(allStarted.await(30, TimeUnit.SECONDS), "the other copies started meanwhile");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        assertEquals(3, finished.get());
    }

    @Test
    void aCopysFailureIsThrownOnceTheOthersHaveFinished() {
        IllegalStateException failure = new IllegalStateException("one batch failed");
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger copy = new AtomicInteger();
        assertSame(failure, assertThrows(IllegalStateException.class, () -> Parallel.runOnEach(threads, 3, () -> {
            if (copy.incrementAndGet() == 1) {
                throw failure;
            }
            finished.incrementAndGet();
        })));
        assertEquals(2, finished.get(), "the other copies ran to the end");
    }
}
