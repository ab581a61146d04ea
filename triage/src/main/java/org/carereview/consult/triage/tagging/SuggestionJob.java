package org.carereview.consult.triage.tagging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code consult.suggestions.interval} (30 s): suggestions for untagged submissions, a batch at a time until none
 * waits or a minute has gone ({@link SuggestionMaker}). Off with {@code consult.suggestions.enabled=false}.
 */
@Singleton
@Requires(property = "consult.suggestions.enabled", notEquals = "false")
class SuggestionJob {

    private static final Logger LOG = LoggerFactory.getLogger(SuggestionJob.class);
    private static final int MAX_BATCHES = 10;

    private final SuggestionMaker maker;
    private final JobRuns runs;

    SuggestionJob(SuggestionMaker maker, JobRuns runs) {
        this.maker = maker;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${consult.suggestions.interval:30s}", initialDelay = "1m")
    void run() {
        try {
            int batches = 0;
            while (batches < MAX_BATCHES && maker.makeDue() > 0) {
                batches++;
            }
            runs.succeeded(ScheduledJob.TAG_SUGGESTIONS);
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.TAG_SUGGESTIONS);
            LOG.warn("Suggesting themes failed ({}); tried again at the next run", e.getClass().getSimpleName());
        }
    }
}
