package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * How much of the outbox has not gone, as counts (for the platform team's metrics): the messages waiting (new,
 * being sent, or waiting to try again), when the oldest of them was queued, and the messages given up on that
 * the failed emails page lists, and when the oldest urgent message waiting was queued. One statement of aggregate
 * reads; the waiting ones come from the dispatcher's partial index.
 */
@Singleton
public class OutboxBacklog {

    /**
     * @param waiting            messages CREATED or SENDING
     * @param oldestWaitingSince when the oldest of them was queued; null when none waits
     * @param failed             messages FAILED_PERMANENTLY (until the retention schedule deletes them)
     * @param oldestUrgentSince  when the oldest urgent message still waiting (a lead's alert, a link someone asked
     *                           for; ADR 0047) was queued; null when none waits
     */
    public record Counts(long waiting, @Nullable Instant oldestWaitingSince, long failed,
                         @Nullable Instant oldestUrgentSince) {
    }

    private final OutboxQueueStore store;

    OutboxBacklog(OutboxQueueStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        return store.counts();
    }
}
