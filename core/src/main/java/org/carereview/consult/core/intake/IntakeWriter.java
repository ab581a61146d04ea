package org.carereview.consult.core.intake;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the new submissions that arrive at the same moment together (ADR 49): a request makes its submission ready
 * (checked, screened, its id and reference chosen), hands it here and waits. A writer thread takes whatever has
 * gathered, with no timer (at rest a batch is one submission; at a peak, what arrived while the last batch was
 * written, up to {@code consult.intake.batch-max}), writes each kind of row with one statement in one transaction,
 * and only after the commit answers each request: nothing is acknowledged before it is stored. When a batch fails,
 * nothing of it is stored and every request in it is answered {@code false}: its caller then writes it alone, the
 * way every submission was written before, which finds its own error (a key used before, the rate limit) as it
 * always did.
 * There are {@code consult.intake.writers} threads (2): while one batch waits for its commit to reach the disk, the
 * submissions arriving meanwhile are written by the next, as two nodes would write theirs.
 * Call {@link #write} outside any transaction.
 */
@Singleton
public class IntakeWriter {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeWriter.class);
    /** A constraint's name as PostgreSQL's first line of a broken constraint's message gives it. */
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([a-z0-9_]{1,63})\"");

    private record Waiting(Together together, CompletableFuture<Boolean> written) {
    }

    private final IntakeBatch batch;
    private final IntakeConfiguration configuration;
    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    IntakeWriter(IntakeBatch batch, IntakeConfiguration configuration) {
        this.batch = batch;
        this.configuration = configuration;
    }

    /** Whether submissions are written together ({@code consult.intake.together}) and the writer is open. */
    public boolean enabled() {
        return configuration.together() && !closed;
    }

    /**
     * Writes it with the submissions waiting now and answers once their transaction has ended: {@code true} when it is
     * committed, {@code false} when it was not written (write it alone).
     */
    public boolean write(Together together) {
        if (!enabled()) {
            return false;
        }
        start();
        Waiting waiting = new Waiting(InContext.of(together), new CompletableFuture<>());
        queue.add(waiting);
        if (closed && queue.remove(waiting)) {
            return false;
        }
        return waiting.written().join();
    }

    /** Writes one batch now, on this thread: for each, whether it was written. */
    boolean[] writeNow(List<Together> together) {
        try {
            return batch.write(together);
        } catch (RuntimeException failed) {
            LOG.warn("{} submissions arriving together were not written together ({}); each is written alone",
                    together.size(), describe(failed));
            return new boolean[together.size()];
        }
    }

    private synchronized void start() {
        while (threads.size() < configuration.writers()) {
            Thread thread = new Thread(this::run, "intake-writer-" + (threads.size() + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void run() {
        List<Waiting> taken = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, configuration.batchMax() - 1);
                boolean[] written = writeNow(taken.stream().map(Waiting::together).toList());
                for (int i = 0; i < taken.size(); i++) {
                    taken.get(i).written().complete(written[i]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
                answerLeftAlone();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("The intake writer failed ({}); the submissions it held are written alone",
                        e.getClass().getSimpleName());
            } finally {
                taken.forEach(w -> w.written().complete(false));
                taken.clear();
            }
        }
    }

    /** Stops taking submissions; those already waiting are written first (or, after 10 s, answered to go alone). */
    @PreDestroy
    void close() throws InterruptedException {
        closed = true;
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread thread : running) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
        }
        answerLeftAlone();
    }

    /** Answers every submission still waiting to be written alone. */
    private void answerLeftAlone() {
        for (Waiting left = queue.poll(); left != null; left = queue.poll()) {
            left.written().complete(false);
        }
    }

    /**
     * The failure's kind and, for a database error, its SQLSTATE and, for a broken constraint, the constraint's name:
     * never the rest of its message, which may quote a row.
     */
    static String describe(Throwable failed) {
        for (Throwable t = failed; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
                Matcher constraint = CONSTRAINT.matcher(message);
                return failed.getClass().getSimpleName() + ", SQLSTATE " + sql.getSQLState()
                        + (constraint.find() ? " on " + constraint.group(1) : "");
            }
        }
        return failed.getClass().getSimpleName();
    }
}
