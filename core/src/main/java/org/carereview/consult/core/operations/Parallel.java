package org.carereview.consult.core.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Work handed to other threads and waited for: one piece, or the same work side by side on several threads. */
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
        Throwable failure = null;
        for (Future<?> copy : running) {
            try {
                await(copy);
            } catch (RuntimeException | Error e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    /**
     * Waits for work running on another thread and answers its result; its failure is the caller's (a checked one
     * wrapped), and an interrupted wait cancels it.
     */
    public static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the work ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
