package org.carereview.consult.core.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
