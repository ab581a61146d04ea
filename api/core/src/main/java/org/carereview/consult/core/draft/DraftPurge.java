package org.carereview.consult.core.draft;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired drafts of every kind every hour (on any node: a plain DELETE is safe side by side). */
@Singleton
@Requires(property = "consult.drafts.purge.enabled", notEquals = "false")
class DraftPurge {

    private static final Logger LOG = LoggerFactory.getLogger(DraftPurge.class);
    private final Drafts drafts;

    DraftPurge(Drafts drafts) {
        this.drafts = drafts;
    }

    @Scheduled(fixedDelay = "${consult.drafts.purge.interval:1h}", initialDelay = "1m")
    void purge() {
        int deleted = drafts.purgeExpired();
        if (deleted > 0) {
            LOG.info("Deleted {} expired drafts", deleted);
        }
    }
}
