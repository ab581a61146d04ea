package org.carereview.consult.advice;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired drafts every hour (on any node: a plain DELETE is safe to run side by side). */
@Singleton
@Requires(property = "consult.advice.purge.enabled", notEquals = "false")
class DraftPurge {

    private static final Logger LOG = LoggerFactory.getLogger(DraftPurge.class);
    private final AdviceDrafts drafts;

    DraftPurge(AdviceDrafts drafts) {
        this.drafts = drafts;
    }

    @Scheduled(fixedDelay = "${consult.advice.purge.interval:1h}", initialDelay = "1m")
    void purge() {
        int deleted = drafts.purgeExpired();
        if (deleted > 0) {
            LOG.info("Deleted {} expired call-for-advice drafts", deleted);
        }
    }
}
