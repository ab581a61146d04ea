package org.carereview.consult.experts;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the deadline reminders every minute; row locks make it safe on several nodes. */
@Singleton
@Requires(property = "consult.experts.reminders.enabled", notEquals = "false")
class DeadlineReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminderJob.class);
    private final DeadlineReminders reminders;
    private final JobRuns runs;

    DeadlineReminderJob(DeadlineReminders reminders, JobRuns runs) {
        this.reminders = reminders;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${consult.experts.reminders.interval:1m}", initialDelay = "30s")
    void run() {
        int sent;
        try {
            sent = reminders.send();
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.DEADLINE_REMINDERS);
            throw e;
        }
        runs.succeeded(ScheduledJob.DEADLINE_REMINDERS);
        if (sent > 0) {
            LOG.info("Queued {} application deadline reminders", sent);
        }
    }
}
