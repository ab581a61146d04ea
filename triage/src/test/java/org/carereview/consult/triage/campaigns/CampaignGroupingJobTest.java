package org.carereview.consult.triage.campaigns;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One run of the grouping job stores the groups, stamped with the clock, and counts as a success in the metrics. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignGroupingJobTest implements FreshDatabase {

    static final Instant START = Instant.parse("2027-03-01T10:00:00Z");
    static final String TEXT = "{\"keyQuestions\": \"Young people leaving care need a named adult they can ring at any "
            + "time of day, not a duty desk that changes every week and never knows who we are\"}";

    @Inject CampaignGroupingJob job;
    @Inject JobRuns runs;
    @Inject DataSource db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.campaigns.enabled", "true");
        properties.put("consult.campaigns.interval", "1h");
        return properties;
    }

    @Test
    void oneRunStoresTheGroupsAtTheClocksTimeAndCountsAsASuccess() {
        for (int n = 1; n <= 3; n++) {
            String id = String.format("00000000-0000-0000-0000-%012d", n);
            TestSql.execute(db, "INSERT INTO submission (id, kind, reference, submitted_at, created_at, updated_at) "
                    + "VALUES (?::uuid, 'DEEP_DIVE_FEEDBACK', ?, ?, ?, ?)", id, String.format("DDF-CMP0-%04d", n),
                    Timestamp.from(START), Timestamp.from(START.plusSeconds(n)), Timestamp.from(START));
            TestSql.execute(db, "INSERT INTO redacted_answer (submission_id, answers, found, redacted_at) "
                    + "VALUES (?::uuid, ?::jsonb, '{}', ?)", id, TEXT, Timestamp.from(START));
        }

        job.run();

        assertEquals(3, TestSql.count(db, "SELECT count(*) FROM submission_campaign WHERE group_size = 3 "
                + "AND group_id = '00000000-0000-0000-0000-000000000001' AND grouped_at = ?", Timestamp.from(START)));
        assertEquals(new JobRuns.Runs(1, 0, START), runs.of(ScheduledJob.CAMPAIGN_GROUPING));
    }
}
