package org.carereview.consult.experts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.carereview.consult.db.ExpectedNoise;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reminders run the database refuses (on the 6 December closing-day replay the pool had no connection for it at
 * the peak) is counted as a failed run and logged as a warning, and the next run goes on; it is not thrown to the
 * scheduler, which logged an ERROR with a stack trace for what the next run, a minute later, puts right.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineReminderJobRunsTest implements TestPropertyProvider {

    static final Instant START = Instant.parse("2027-02-03T12:00:00Z");

    @Inject
    DeadlineReminderJob job;

    @Inject
    JobRuns runs;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.experts.reminders.enabled", "true");
        properties.put("consult.experts.reminders.initial-delay", "1h");
        return properties;
    }

    @ExpectedNoise("a reminders run the database refuses")
    @Test
    void aRunTheDatabaseRefusesIsCountedAndTheNextRunGoesOn() {
        TestSql.withTableAway(dataSource, "ebe_window", () -> assertDoesNotThrow(job::run));
        assertEquals(new JobRuns.Runs(0, 1, null), runs.of(ScheduledJob.DEADLINE_REMINDERS));

        job.run();
        assertEquals(new JobRuns.Runs(1, 1, START), runs.of(ScheduledJob.DEADLINE_REMINDERS));
    }
}
