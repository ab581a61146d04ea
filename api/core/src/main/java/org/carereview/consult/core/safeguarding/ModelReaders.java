package org.carereview.consult.core.safeguarding;

import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many requests may have the sentence model read their text at once ({@code readers}, by default one per core),
 * and how long a request waits for its turn ({@code reader-wait}). At a peak, more requests than cores reading side
 * by side only share the same cores more slowly; a request that cannot have its turn in time is not held up: its
 * text is screened by phrases at once and queued for the learned check ({@link LearnedQueue}), which reads it within
 * seconds once the peak has passed.
 */
@Singleton
class ModelReaders {

    private final Semaphore turns;
    private final long waitMillis;

    ModelReaders(LearnedConfiguration config) {
        int readers = config.readers() > 0 ? config.readers() : Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(readers, true);
        this.waitMillis = config.readerWait().toMillis();
    }

    /** The reading, done in turn; empty if no turn came within the wait (or the thread was interrupted). */
    <T> Optional<T> read(Supplier<Optional<T>> reading) {
        try {
            if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return reading.get();
        } finally {
            turns.release();
        }
    }
}
