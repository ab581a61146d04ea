package org.carereview.consult.core.ratelimit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Deletes old rate-limit windows every five minutes, on every node (the delete is the same wherever it
 * runs). Off with {@code consult.rate-limit.purge.enabled=false}.
 */
@Singleton
@Requires(property = "consult.rate-limit.purge.enabled", notEquals = "false")
class RateLimitPurgeJob {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitPurgeJob.class);

    private final RateLimiter limiter;
    private final JobRuns runs;

    RateLimitPurgeJob(RateLimiter limiter, JobRuns runs) {
        this.limiter = limiter;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "5m")
    void run() {
        try {
            int deleted = limiter.purgeExpired();
            runs.succeeded(ScheduledJob.RATE_LIMIT_PURGE);
            LOG.debug("Purged {} old rate-limit windows", deleted);
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.RATE_LIMIT_PURGE);
            LOG.warn("Purging old rate-limit windows failed ({}); the next run tries again", JobRuns.describe(e));
        }
    }
}
