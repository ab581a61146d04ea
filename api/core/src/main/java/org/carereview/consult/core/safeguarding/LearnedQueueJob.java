package org.carereview.consult.core.safeguarding;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
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

    LearnedQueueJob(LearnedQueue queue) {
        this.queue = queue;
    }

    @Scheduled(fixedDelay = "${consult.safeguarding.learned.queue-interval:5s}", initialDelay = "5s")
    void run() {
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN && queue.checkDue() > 0; batch++) {
                // another batch
            }
        } catch (RuntimeException e) {
            LOG.warn("The learned safeguarding check of queued submissions failed ({}); tried again shortly",
                    e.getClass().getSimpleName());
        }
    }
}
