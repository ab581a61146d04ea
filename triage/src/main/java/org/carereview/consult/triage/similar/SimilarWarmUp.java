package org.carereview.consult.triage.similar;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads this node's similarity index (ADR 0036) in the background soon after start-up, so that the first member of
 * staff to open a submission does not wait the seconds loading takes at 100,000 submissions. Off with
 * {@code consult.similar.warm-up=false} (the index then loads on first use, as it would anyway if this failed).
 */
@Singleton
@Requires(property = "consult.similar.warm-up", notEquals = "false")
class SimilarWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarWarmUp.class);

    private final SimilarIndex index;

    SimilarWarmUp(SimilarIndex index) {
        this.index = index;
    }

    @Scheduled(initialDelay = "${consult.similar.warm-up-after:20s}")
    @Transactional(readOnly = true)
    void warmUp() {
        try {
            index.load();
        } catch (RuntimeException e) {
            LOG.warn("The similarity index could not be loaded in the background ({}); it loads on first use",
                    e.getClass().getSimpleName());
        }
    }
}
