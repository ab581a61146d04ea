package org.carereview.consult.core.safeguarding;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request on another thread that has the model's turn and keeps it until closed: with one reader and no wait
 * ({@code consult.safeguarding.learned.readers=1}, {@code reader-wait=0s}), the model is busy for everyone else.
 */
public final class HeldTurn implements AutoCloseable {

    private final CountDownLatch reading = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final Thread holder;

    private HeldTurn(ModelReaders readers) {
        holder = new Thread(() -> readers.read(() -> {
            reading.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }));
    }

    /** Starts the other request and answers once it has the turn. */
    public static HeldTurn take(ModelReaders readers) throws InterruptedException {
        HeldTurn held = new HeldTurn(readers);
        held.holder.start();
        if (!held.reading.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other request never had the model's turn");
        }
        return held;
    }

    @Override
    public void close() throws InterruptedException {
        finish.countDown();
        holder.join();
    }
}
