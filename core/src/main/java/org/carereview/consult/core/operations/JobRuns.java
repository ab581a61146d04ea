package org.carereview.consult.core.operations;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this node's background jobs have done since it started: each job says when a run finished, and whether it
 * succeeded. Nothing is stored: the web layer publishes these as metrics, and the platform team's Prometheus keeps
 * them (summed or compared across nodes there). Kept free of any metrics library, so no module below the web
 * layer needs one.
 */
@Singleton
public class JobRuns {

    /**
     * @param succeeded   runs that finished their work
     * @param failed      runs that stopped on an error (the job logs which kind; the next run tries again)
     * @param lastSuccess when the last successful run finished; null before the first on this node
     */
    public record Runs(long succeeded, long failed, @Nullable Instant lastSuccess) {
    }

    private final Clock clock;
    private final Map<ScheduledJob, Counts> counts = new EnumMap<>(ScheduledJob.class);

    JobRuns(Clock clock) {
        this.clock = clock;
        for (ScheduledJob job : ScheduledJob.values()) {
            counts.put(job, new Counts());
        }
    }

    /** A run of this job did its work. */
    public void succeeded(ScheduledJob job) {
        Counts c = counts.get(job);
        c.succeeded.incrementAndGet();
        c.lastSuccess.set(clock.instant());
    }

    /** A run of this job stopped on an error. */
    public void failed(ScheduledJob job) {
        counts.get(job).failed.incrementAndGet();
    }

    /**
     * A failed run's kind for its log line: the exception's class and, when a database error is behind it, its
     * SQLState. Never the message: the database's own can quote row values (addresses, answers).
     */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return failure.getClass().getSimpleName() + ", SQLState " + sql.getSQLState();
            }
        }
        return failure.getClass().getSimpleName();
    }

    public Runs of(ScheduledJob job) {
        Counts c = counts.get(job);
        return new Runs(c.succeeded.get(), c.failed.get(), c.lastSuccess.get());
    }

    private static final class Counts {
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    }
}
