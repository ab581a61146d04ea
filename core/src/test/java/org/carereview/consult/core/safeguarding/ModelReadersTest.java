package org.carereview.consult.core.safeguarding;

import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's turns: a request waits for one while the model is quiet, and not at all once it is busy. */
class ModelReadersTest {

    private static final List<String> FILES = List.of("safeguarding/examples.tsv");

    private final MutableClock clock = new MutableClock(Instant.parse("2027-02-05T16:59:00Z"));
    private final ModelReaders readers = new ModelReaders(
            new LearnedConfiguration(true, 0.55, 0.9, FILES, 1, Duration.ZERO, Duration.ZERO, 0),
            clock);

    @Test
    void aQuietModelReadsATextInTurnAndIsNotBusy() {
        assertEquals(Optional.of("read"), readers.read(() -> Optional.of("read")));
        assertFalse(readers.busy());
    }

    @Test
    void onceARequestMissesItsTurnTheModelIsBusyForAMinuteAndNobodyWaits() throws InterruptedException {
        ModelReaders waiting = new ModelReaders(
                new LearnedConfiguration(true, 0.55, 0.9, FILES, 1, Duration.ofMillis(250),
                        Duration.ZERO, 0), clock);
        assertEquals(250, waiting.waitMillis());
        try (HeldTurn held = HeldTurn.take(waiting)) {
            assertEquals(Optional.empty(), waiting.read(() -> Optional.of("never read")));
        }
        assertTrue(waiting.busy());
        assertEquals(0, waiting.waitMillis(), "in a surge a request that finds no free turn is queued at once");

        clock.advance(Duration.ofSeconds(61));
        assertFalse(waiting.busy());
        assertEquals(250, waiting.waitMillis());
    }

    @Test
    void aMissedTurnWithNoWaitStillCountsAsBusy() throws InterruptedException {
        try (HeldTurn held = HeldTurn.take(readers)) {
            assertEquals(Optional.empty(), readers.read(() -> Optional.of("never read")));
            assertTrue(readers.busy());
        }
        assertEquals(Optional.of("read"), readers.read(() -> Optional.of("read")), "a free turn is still taken");
    }

    @Test
    void requestsLeaveTheModelToTheQueueOnlyWhileMoreThanTheSurgeQueueWaits() {
        ModelReaders optionB = new ModelReaders(
                new LearnedConfiguration(true, 0.55, 0.9, FILES, 1, Duration.ZERO, Duration.ZERO,
                        100), clock);
        optionB.queueFound(100);
        assertFalse(optionB.surging());
        optionB.queueFound(101);
        assertTrue(optionB.surging());
        assertTrue(optionB.busy(), "background work that can wait (the answers' embeddings) waits");
        optionB.queueFound(3);
        assertFalse(optionB.surging(), "the queue read down: requests read with the model again");
    }

    @Test
    void withNoSurgeQueueSetNoQueueIsLongEnoughToStopRequestsReading() {
        readers.queueFound(1_000_000);
        assertFalse(readers.surging(), "option A, the default: requests take a free turn whatever waits");
    }
}
