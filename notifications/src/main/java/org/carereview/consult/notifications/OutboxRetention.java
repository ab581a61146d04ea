package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Sent messages keep their sign-in and resume links in the outbox only as long as they could be needed:
 * after {@code consult.notifications.keep-fields-for} their fields are emptied. Hourly, on any node.
 */
@Singleton
public class OutboxRetention {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);

    private final OutboxStore store;
    private final NotificationsConfiguration config;
    private final Clock clock;

    OutboxRetention(OutboxStore store, NotificationsConfiguration config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** Empties the fields of every message that finished longer ago than the retention; returns how many. */
    public int redact() {
        return store.redactFinishedBefore(clock.instant().minus(config.keepFieldsFor()),
                clock.instant().minus(config.keepFailedFor()));
    }

    @Singleton
    @Requires(property = "consult.notifications.scheduler.enabled", notEquals = "false")
    static class Job {
        private final OutboxRetention retention;

        Job(OutboxRetention retention) {
            this.retention = retention;
        }

        @Scheduled(fixedDelay = "1h", initialDelay = "5m")
        void run() {
            try {
                int redacted = retention.redact();
                if (redacted > 0) {
                    LOG.info("Emptied the fields of {} sent message(s)", redacted);
                }
            } catch (RuntimeException e) {
                LOG.warn("Emptying the fields of sent messages failed ({}); the next run tries again",
                        e.getClass().getSimpleName());
            }
        }
    }
}
