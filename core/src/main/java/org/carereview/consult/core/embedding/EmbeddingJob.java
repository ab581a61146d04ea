package org.carereview.consult.core.embedding;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.LowPriority;
import org.carereview.consult.core.operations.ScheduledJob;
import org.carereview.consult.core.safeguarding.ModelReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code consult.embeddings.interval} (10 s): moves the back-fill on a few batches, then embeds waiting
 * answers, batch by batch, until none wait or the run has done its share (a node's two cores also serve requests).
 * It runs at the lowest CPU priority ({@link LowPriority}), so requests have the cores first whether or not the
 * learned check is on; and while requests are missing their turn with the model ({@link ModelReaders#busy}, a peak)
 * it embeds nothing: the answers wait, and are embedded once the peak has passed. Off with
 * {@code consult.embeddings.enabled=false}.
 */
@Singleton
@Requires(property = "consult.embeddings.enabled", notEquals = "false")
class EmbeddingJob {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingJob.class);
    private static final int MAX_BACKFILL_BATCHES_PER_RUN = 5;
    private static final int MAX_BATCHES_PER_RUN = 40;

    private final Embeddings embeddings;
    private final JobRuns runs;
    private final ModelReaders readers;
    private final LowPriority lowPriority;

    EmbeddingJob(Embeddings embeddings, JobRuns runs, ModelReaders readers, LowPriority lowPriority) {
        this.embeddings = embeddings;
        this.runs = runs;
        this.readers = readers;
        this.lowPriority = lowPriority;
    }

    @Scheduled(fixedDelay = "${consult.embeddings.interval:10s}", initialDelay = "30s")
    void run() {
        try {
            lowPriority.run(this::embed);
            runs.succeeded(ScheduledJob.EMBEDDINGS);
        } catch (RuntimeException | LinkageError e) {
            runs.failed(ScheduledJob.EMBEDDINGS);
            LOG.warn("Embedding answers failed ({}); tried again at the next run", e.getClass().getSimpleName());
        }
    }

    private void embed() {
        for (int batch = 0; batch < MAX_BACKFILL_BATCHES_PER_RUN && embeddings.backfill() > 0; batch++) {
            // another batch of submissions
        }
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN && !readers.busy() && embeddings.embedDue() > 0; batch++) {
            // another batch of answers
        }
    }
}
