package org.carereview.consult.core.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs the retention purge once a day (on any node: every statement is a plain set-based delete, safe side by
 * side). Logs counts only. Off with {@code consult.retention.purge.enabled=false}.
 */
@Singleton
@Requires(property = "consult.retention.purge.enabled", notEquals = "false")
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final Duration FIRST_RUN_AFTER_START = Duration.ofMinutes(5);

    private final Retention retention;
    private final JobRuns runs;
    private final Clock clock;
    private final Duration interval;
    private volatile Instant next;

    RetentionJob(Retention retention, JobRuns runs, Clock clock,
                 @Value("${consult.retention.purge.interval:1d}") Duration interval) {
        this.retention = retention;
        this.runs = runs;
        this.clock = clock;
        this.interval = interval;
        this.next = clock.instant().plus(FIRST_RUN_AFTER_START);
    }

    /** When this node next purges (every node purges; the earliest wins). */
    Instant next() {
        return next;
    }

    @Scheduled(fixedDelay = "${consult.retention.purge.interval:1d}", initialDelay = "5m")
    void run() {
        try {
            Map<String, Integer> counts = retention.purge();
            LOG.info("Retention purge: {}", counts);
            runs.succeeded(ScheduledJob.RETENTION_PURGE);
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.RETENTION_PURGE);
            LOG.warn("Retention purge failed ({}); the next run tries again", e.getClass().getSimpleName());
        } finally {
            next = clock.instant().plus(interval);
        }
    }
}
