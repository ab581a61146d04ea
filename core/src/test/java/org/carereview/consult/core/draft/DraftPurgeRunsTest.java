package org.carereview.consult.core.draft;

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
 * A purge the database refuses (at a closing day's peak the pool can have no connection for it) is counted as a
 * failed run and logged as a warning, and the next run goes on; it is not thrown to the scheduler, which would log
 * an ERROR with a stack trace for what the next run puts right.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftPurgeRunsTest implements TestPropertyProvider {

    static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

    @Inject
    DraftPurge purge;

    @Inject
    JobRuns runs;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.drafts.purge.enabled", "true");
        properties.put("consult.drafts.purge.initial-delay", "1h");
        return properties;
    }

    @ExpectedNoise("a purge the database refuses")
    @Test
    void aPurgeTheDatabaseRefusesIsCountedAndTheNextRunGoesOn() {
        TestSql.withTableAway(dataSource, "draft", () -> assertDoesNotThrow(purge::purge));
        assertEquals(new JobRuns.Runs(0, 1, null), runs.of(ScheduledJob.DRAFT_PURGE));

        purge.purge();
        assertEquals(new JobRuns.Runs(1, 1, START), runs.of(ScheduledJob.DRAFT_PURGE));
    }
}
