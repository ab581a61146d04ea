package org.carereview.consult.core.retention;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The retention job tells {@link JobRuns} how each run ended (the platform team's metrics show it): a purge that
 * finishes is a success at the clock's time, one the database refuses is a failure and leaves the last success
 * as it was.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionJobRunsTest implements TestPropertyProvider {

    static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

    @Inject
    RetentionJob job;

    @Inject
    JobRuns runs;

    @Inject
    MutableClock clock;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.retention.purge.enabled", "true");
        return properties;
    }

    @ExpectedNoise("a purge the database refuses")
    @Test
    void aRunThatFinishesIsASuccessAndOneTheDatabaseRefusesIsAFailure() {
        job.run();
        assertEquals(new JobRuns.Runs(1, 0, START), runs.of(ScheduledJob.RETENTION_PURGE));

        clock.advance(Duration.ofDays(1));
        TestSql.withTableAway(dataSource, "draft", job::run);
        assertEquals(new JobRuns.Runs(1, 1, START), runs.of(ScheduledJob.RETENTION_PURGE), "the last success stays");
        assertEquals(new JobRuns.Runs(0, 0, null), runs.of(ScheduledJob.DRAFT_PURGE), "another job's runs are its own");
    }
}
