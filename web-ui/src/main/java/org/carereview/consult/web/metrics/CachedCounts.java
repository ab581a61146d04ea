package org.carereview.consult.web.metrics;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.WaitingWork;
import org.carereview.consult.notifications.OutboxBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * The service's counts, read from the database at most once per {@code consult.metrics.cache-for} on this node
 * (every gauge of one scrape shares one read). A failed read is remembered for as long: the gauges then say NaN
 * (unknown), the rest of the scrape still answers, and a database in trouble is not asked again at once.
 */
@Singleton
class CachedCounts {

    private static final Logger LOG = LoggerFactory.getLogger(CachedCounts.class);

    /** One read: null fields when it failed. */
    record Reading(Instant readAt, @Nullable OutboxBacklog.Counts outbox, @Nullable WaitingWork.Counts waiting) {
    }

    private final OutboxBacklog outbox;
    private final WaitingWork waiting;
    private final MetricsSettings settings;
    private final Clock clock;
    private Reading last;

    CachedCounts(OutboxBacklog outbox, WaitingWork waiting, MetricsSettings settings, Clock clock) {
        this.outbox = outbox;
        this.waiting = waiting;
        this.settings = settings;
        this.clock = clock;
    }

    synchronized Reading current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.readAt().plus(settings.cacheFor())) || now.isBefore(last.readAt())) {
            last = read(now);
        }
        return last;
    }

    private Reading read(Instant now) {
        try {
            return new Reading(now, outbox.counts(), waiting.counts());
        } catch (RuntimeException e) {
            LOG.warn("Reading the counts for the metrics failed ({}); they show as unknown until the next read",
                    e.getClass().getSimpleName());
            return new Reading(now, null, null);
        }
    }

    /** Seconds since the oldest waiting message was queued: 0 with none waiting, NaN when the read failed. */
    double oldestWaitingAgeSeconds() {
        Reading reading = current();
        return reading.outbox() == null ? Double.NaN : secondsSince(reading.outbox().oldestWaitingSince());
    }

    /** Seconds since the oldest urgent message waiting was queued: 0 with none waiting, NaN when the read failed. */
    double oldestUrgentAgeSeconds() {
        Reading reading = current();
        return reading.outbox() == null ? Double.NaN : secondsSince(reading.outbox().oldestUrgentSince());
    }

    /** Seconds since the submission that has waited longest for the learned check was queued (0: none, NaN: failed). */
    double learnedCheckOldestAgeSeconds() {
        Reading reading = current();
        return reading.waiting() == null ? Double.NaN : secondsSince(reading.waiting().learnedCheckOldest());
    }

    private double secondsSince(@Nullable Instant oldest) {
        return oldest == null ? 0 : Math.max(0, clock.millis() - oldest.toEpochMilli()) / 1000.0;
    }
}
