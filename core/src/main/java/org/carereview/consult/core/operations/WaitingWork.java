package org.carereview.consult.core.operations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Work waiting for people, as counts only (for the platform team's metrics): submissions the spam defences held
 * back, and submissions flagged for safeguarding on which the lead has recorded no action yet ("No action
 * recorded yet" on the submission's page); submissions waiting for the learned safeguarding check (hidden from
 * reviewers until it has read them, ADR 45), and since when the first has waited; and answers waiting for the
 * embeddings worker (ADR 33). One read (the metrics keep it for a while), which grows with the queues; no content,
 * no ids.
 */
@Singleton
public class WaitingWork {

    /**
     * @param quarantined              submissions QUARANTINED, waiting for staff to release or delete them
     * @param safeguardingAwaitingLead flagged submissions with no safeguarding action recorded
     * @param embeddingsWaiting        answers queued for their sentence vector
     * @param learnedCheckWaiting      submissions queued for the learned safeguarding check
     * @param learnedCheckOldest       when the one that has waited longest was queued; null when none waits
     */
    public record Counts(long quarantined, long safeguardingAwaitingLead, long embeddingsWaiting,
                         long learnedCheckWaiting, @Nullable Instant learnedCheckOldest) {
    }

    private final WaitingWorkStore store;

    WaitingWork(WaitingWorkStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        return store.counts();
    }
}
