package org.carereview.consult.core.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Runs the retention purge once a day (on any node: every statement is a plain set-based delete, safe side by
 * side). Logs counts only. Off with {@code consult.retention.purge.enabled=false}.
 */
@Singleton
@Requires(property = "consult.retention.purge.enabled", notEquals = "false")
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "${consult.retention.purge.interval:1d}", initialDelay = "5m")
    void run() {
        try {
            Map<String, Integer> counts = retention.purge();
            LOG.info("Retention purge: {}", counts);
        } catch (RuntimeException e) {
            LOG.warn("Retention purge failed ({}); the next run tries again", e.getClass().getSimpleName());
        }
    }
}
