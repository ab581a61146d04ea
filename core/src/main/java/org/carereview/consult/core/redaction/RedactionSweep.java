package org.carereview.consult.core.redaction;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redacts, in batches, every submission that has no redaction yet: those sent before redaction began (the first
 * run after an upgrade) and any a channel failed to redact. Each channel redacts in the submission's own
 * transaction, so after the first run this normally finds nothing. Counts only in the log.
 */
@Singleton
@Requires(property = "consult.redaction.sweep.enabled", notEquals = "false")
class RedactionSweep {

    private static final Logger LOG = LoggerFactory.getLogger(RedactionSweep.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final Redactions redactions;
    private final JobRuns runs;

    RedactionSweep(Redactions redactions, JobRuns runs) {
        this.redactions = redactions;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${consult.redaction.sweep.interval:10m}", initialDelay = "20s")
    void run() {
        int total = 0;
        try {
            for (int batch = 0, done = BATCH; batch < MAX_BATCHES_PER_RUN && done == BATCH; batch++) {
                done = redactions.sweep(BATCH);
                total += done;
            }
            runs.succeeded(ScheduledJob.REDACTION_SWEEP);
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.REDACTION_SWEEP);
            LOG.warn("Redacting older submissions failed ({}); tried again at the next run", e.getClass().getSimpleName());
        }
        if (total > 0) {
            LOG.info("Redacted {} submissions that had no redaction yet", total);
        }
    }
}
