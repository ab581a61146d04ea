package org.carereview.consult.core.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The same work on several threads at once, for a queue each copy claims its own part of. */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Runs {@code copies} copies of {@code work} side by side on {@code threads} (which must have that many threads
     * free) and waits for all of them; the first failure is thrown once every copy has finished.
     */
    public static void runOnEach(ExecutorService threads, int copies, Runnable work) {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            running.add(threads.submit(work));
        }
        RuntimeException failure = null;
        for (Future<?> copy : running) {
            try {
                copy.get();
            } catch (InterruptedException e) {
                running.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the work ran", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
