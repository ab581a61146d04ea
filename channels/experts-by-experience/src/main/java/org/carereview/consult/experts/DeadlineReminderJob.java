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

    @Scheduled(fixedDelay = "${consult.experts.reminders.interval:1m}",
            initialDelay = "${consult.experts.reminders.initial-delay:30s}")
    void run() {
        int sent;
        try {
            sent = reminders.send();
        } catch (RuntimeException e) {
            // At a closing day's peak the pool may have no connection for it: the next run (a minute later) sends
            // what is due, as every other job does, rather than an ERROR with a stack trace from the scheduler.
            runs.failed(ScheduledJob.DEADLINE_REMINDERS);
            LOG.warn("Queueing application deadline reminders failed ({}); the next run tries again",
                    JobRuns.describe(e));
            return;
        }
        runs.succeeded(ScheduledJob.DEADLINE_REMINDERS);
        if (sent > 0) {
            LOG.info("Queued {} application deadline reminders", sent);
        }
    }
}
