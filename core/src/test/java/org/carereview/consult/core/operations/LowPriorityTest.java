package org.carereview.consult.core.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Background work handed to {@link LowPriority} runs at the lowest CPU priority, and the caller's thread does not. */
class LowPriorityTest {

    private final LowPriority lowPriority = new LowPriority();

    @AfterEach
    void stop() {
        lowPriority.stop();
    }

    @Test
    void runsTheWorkAtTheLowestPriorityAndLeavesTheCallerAsItWas() {
        int callers = ThreadNice.current();
        assertEquals(LowPriority.NICE, (int) lowPriority.call(ThreadNice::current));
        assertEquals(callers, ThreadNice.current(), "the caller's own priority is untouched");
        assertNotEquals(LowPriority.NICE, callers);
    }

    @Test
    void theWorksFailureIsTheCallersAndTheThreadServesTheNextPiece() {
        IllegalArgumentException failure = new IllegalArgumentException("bad batch");
        assertSame(failure, assertThrows(IllegalArgumentException.class, () -> lowPriority.run(() -> {
            throw failure;
        })));
        assertEquals(LowPriority.NICE, (int) lowPriority.call(ThreadNice::current));
    }

    @Test
    void runsCopiesSideBySideOnePerCoreEachAtTheLowestPriority() {
        int copies = Math.min(2, Runtime.getRuntime().availableProcessors());
        CountDownLatch allStarted = new CountDownLatch(copies);
        Set<Integer> nice = ConcurrentHashMap.newKeySet();
        lowPriority.runOnEach(copies, () -> {
            allStarted.countDown();
            try {
                assertTrue(allStarted.await(30, TimeUnit.SECONDS), "the copies run at the same time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            nice.add(ThreadNice.current());
        });
        assertEquals(Set.of(LowPriority.NICE), nice);
    }
}
