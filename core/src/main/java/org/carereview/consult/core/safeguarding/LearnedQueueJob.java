package org.carereview.consult.core.safeguarding;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.LowPriority;
import org.carereview.consult.core.operations.Parallel;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs {@link LearnedQueue#checkDue} every {@code consult.safeguarding.learned.queue-interval} (5 s), so a
 * submission sent while the model was not ready is read, and its lead alerted, well within a minute. It reads on as
 * many threads as the model has turns ({@link ModelReaders}, one per core), each claiming its own batches, taking
 * turns with the requests: after a peak, every core reads what it left. Each run first counts what waits and tells
 * {@link ModelReaders}: with {@code surge-queue} set and more than that waiting, requests leave the model alone and
 * this run reads at the lowest CPU priority ({@link LowPriority}, ADR 0044's option B).
 */
@Singleton
@Requires(property = "consult.safeguarding.learned.queue.enabled", notEquals = "false")
class LearnedQueueJob {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedQueueJob.class);
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final LearnedQueue queue;
    private final JobRuns runs;
    private final ModelReaders readers;
    private final LowPriority lowPriority;
    private final ExecutorService threads;

    LearnedQueueJob(LearnedQueue queue, JobRuns runs, ModelReaders readers, LowPriority lowPriority) {
        this.queue = queue;
        this.runs = runs;
        this.readers = readers;
        this.lowPriority = lowPriority;
        this.threads = Executors.newFixedThreadPool(readers.turns(), r -> {
            Thread t = new Thread(r, "safeguarding-queue-reader");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelay = "${consult.safeguarding.learned.queue-interval:5s}",
            initialDelay = "${consult.safeguarding.learned.queue-interval:5s}")
    void run() {
        try {
            readers.queueFound(queue.waiting());
            if (readers.surging()) {
                lowPriority.runOnEach(readers.turns(), this::readDue);
            } else {
                Parallel.runOnEach(threads, readers.turns(), this::readDue);
            }
            runs.succeeded(ScheduledJob.SAFEGUARDING_QUEUE);
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.SAFEGUARDING_QUEUE);
            LOG.warn("The learned safeguarding check of queued submissions failed ({}); tried again shortly",
                    e.getClass().getSimpleName());
        }
    }

    private void readDue() {
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN && queue.checkDue() > 0; batch++) {
            // another batch
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
