package org.carereview.consult.core.safeguarding;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many requests may have the sentence model read their text at once ({@code readers}, by default one per core),
 * and how long a request waits for its turn ({@code reader-wait}). At a peak, more requests than cores reading side
 * by side only share the same cores more slowly; a request that cannot have its turn in time is not held up: its
 * text is screened by phrases at once and queued for the learned check ({@link LearnedQueue}), which reads it within
 * seconds once the peak has passed. Once one request has missed its turn, the model counts as busy for a minute, and
 * while it is busy a request takes a turn only if one is free at once: in a surge, waiting a quarter of a second for
 * a turn only to be queued anyway would add that wait to most requests. Background work that uses the model asks
 * {@link #busy} first and waits for a quieter minute (the answers' embeddings), or takes its turn like a request
 * (the learned check's queue), so at a peak the cores go to the people sending.
 *
 * <p>With {@code surge-queue} set (ADR 0044's option B, off by default), a surge goes further: while the queue's
 * reader last found more submissions waiting than that, requests do not read with the model at all ({@link
 * #surging}); they are screened by phrases and queued, and the queue is read at the lowest CPU priority.
 */
@Singleton
public class ModelReaders {

    /** How long after a request last missed its turn the model still counts as busy. */
    static final Duration BUSY_FOR = Duration.ofMinutes(1);

    private final Semaphore turns;
    private final int count;
    private final long waitMillis;
    private final Clock clock;
    private final int surgeQueue;
    private volatile Instant missedAt;
    private volatile boolean surging;

    ModelReaders(LearnedConfiguration config, Clock clock) {
        this.clock = clock;
        this.surgeQueue = config.surgeQueue();
        this.count = config.readers() > 0 ? config.readers() : Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(count, true);
        this.waitMillis = config.readerWait().toMillis();
    }

    /** The reading, done in turn; empty if no turn came within the wait (or the thread was interrupted). */
    public <T> Optional<T> read(Supplier<Optional<T>> reading) {
        try {
            if (!turns.tryAcquire(waitMillis(), TimeUnit.MILLISECONDS)) {
                missedAt = clock.instant();
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

    /** How many texts the model may read at once (readers, by default one per core). */
    int turns() {
        return count;
    }

    /** How long a reader may wait for its turn now: the configured wait, or none while the model is busy. */
    long waitMillis() {
        return busy() ? 0 : waitMillis;
    }

    /**
     * Whether requests leave their texts to the queue without asking for a turn: {@code surge-queue} is set and more
     * submissions than that waited at the queue reader's last count ({@link #queueFound}).
     */
    public boolean surging() {
        return surging;
    }

    /** What the queue's reader found waiting, counted at the start of each of its runs. */
    void queueFound(long waiting) {
        surging = surgeQueue > 0 && waiting > surgeQueue;
    }

    /**
     * Whether a request missed its turn with the model within the last minute, or requests are leaving the model to
     * its queue ({@link #surging}): a peak, and background work that can wait does.
     */
    public boolean busy() {
        Instant missed = missedAt;
        return surging || missed != null && clock.instant().isBefore(missed.plus(BUSY_FOR));
    }
}
