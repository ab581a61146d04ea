package org.carereview.consult.core.draft;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired drafts of every kind every hour (on any node: a plain DELETE is safe side by side). */
@Singleton
@Requires(property = "consult.drafts.purge.enabled", notEquals = "false")
class DraftPurge {

    private static final Logger LOG = LoggerFactory.getLogger(DraftPurge.class);
    private final Drafts drafts;
    private final JobRuns runs;

    DraftPurge(Drafts drafts, JobRuns runs) {
        this.drafts = drafts;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${consult.drafts.purge.interval:1h}",
            initialDelay = "${consult.drafts.purge.initial-delay:1m}")
    void purge() {
        int deleted;
        try {
            deleted = drafts.purgeExpired();
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.DRAFT_PURGE);
            LOG.warn("Deleting expired drafts failed ({}); the next run tries again", JobRuns.describe(e));
            return;
        }
        runs.succeeded(ScheduledJob.DRAFT_PURGE);
        if (deleted > 0) {
            LOG.info("Deleted {} expired drafts", deleted);
        }
    }
}
