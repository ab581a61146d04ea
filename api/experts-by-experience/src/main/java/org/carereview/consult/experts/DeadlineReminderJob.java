package org.carereview.consult.experts;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the deadline reminders every minute; row locks make it safe on several nodes. */
@Singleton
@Requires(property = "consult.experts.reminders.enabled", notEquals = "false")
class DeadlineReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminderJob.class);
    private final DeadlineReminders reminders;

    DeadlineReminderJob(DeadlineReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelay = "${consult.experts.reminders.interval:1m}", initialDelay = "30s")
    void run() {
        int sent = reminders.send();
        if (sent > 0) {
            LOG.info("Queued {} application deadline reminders", sent);
        }
    }
}
