package org.carereview.consult.core.safeguarding;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link LearnedQueue#checkDue} every {@code consult.safeguarding.learned.queue-interval} (5 s), so a
 * submission sent while the model was not ready is read, and its lead alerted, well within a minute.
 */
@Singleton
@Requires(property = "consult.safeguarding.learned.queue.enabled", notEquals = "false")
class LearnedQueueJob {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedQueueJob.class);
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final LearnedQueue queue;
    private final JobRuns runs;

    LearnedQueueJob(LearnedQueue queue, JobRuns runs) {
        this.queue = queue;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${consult.safeguarding.learned.queue-interval:5s}", initialDelay = "5s")
    void run() {
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN && queue.checkDue() > 0; batch++) {
                // another batch
            }
            runs.succeeded(ScheduledJob.SAFEGUARDING_QUEUE);
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.SAFEGUARDING_QUEUE);
            LOG.warn("The learned safeguarding check of queued submissions failed ({}); tried again shortly",
                    e.getClass().getSimpleName());
        }
    }
}
