package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Runs the {@link Dispatcher} every {@code consult.notifications.dispatch-interval}, on every node (the claims
 * keep nodes apart). Off with {@code consult.notifications.scheduler.enabled=false}.
 */
@Singleton
@Requires(property = "consult.notifications.scheduler.enabled", notEquals = "false")
class DispatchJob {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchJob.class);
    /** A full batch means more may be waiting; a bound keeps one run from going on for ever. */
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final Dispatcher dispatcher;
    private final NotificationsConfiguration config;

    DispatchJob(Dispatcher dispatcher, NotificationsConfiguration config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    @Scheduled(fixedDelay = "${consult.notifications.dispatch-interval:10s}")
    void run() {
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                if (dispatcher.dispatchDue() < config.batchSize()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database's own message can quote row values (addresses): log the kind of failure only.
            LOG.warn("Dispatching notifications failed ({}); the next run tries again", describe(e));
        }
    }

    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return failure.getClass().getSimpleName() + ", SQLState " + sql.getSQLState();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
