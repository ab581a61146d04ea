package org.carereview.consult.core.embedding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
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

/**
 * One run of the worker, switched on as on a server: answers redacted before embeddings began are back-filled and
 * embedded in the same run, and the run is counted for the platform team's metrics.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingJobTest implements TestPropertyProvider {

    static final Instant START = Instant.parse("2027-03-01T10:00:00Z");

    @Inject EmbeddingJob job;
    @Inject JobRuns runs;
    @Inject DataSource db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.embeddings.enabled", "true");
        properties.put("consult.embeddings.interval", "1h");
        return properties;
    }

    @Test
    void oneRunBackfillsOlderAnswersEmbedsThemAndCountsAsASuccess() {
        for (int n = 1; n <= 20; n++) {
            String id = String.format("00000000-0000-0000-0000-%012d", n);
            TestSql.execute(db, "INSERT INTO submission (id, kind, reference, submitted_at, created_at, updated_at) "
                    + "VALUES (?::uuid, 'DEEP_DIVE_FEEDBACK', ?, ?, ?, ?)", id, String.format("DDF-JOB0-%04d", n),
                    Timestamp.from(START), Timestamp.from(START), Timestamp.from(START));
            TestSql.execute(db, "INSERT INTO redacted_answer (submission_id, answers, found, redacted_at) VALUES "
                    + "(?::uuid, '{\"whatWorks\": \"My key worker listens\", \"whatNeedsToChange\": \"More say\"}', "
                    + "'{}', ?)", id, Timestamp.from(START));
        }
        TestSql.execute(db, "DELETE FROM answer_embedding");
        TestSql.execute(db, "DELETE FROM embedding_due");

        job.run();

        assertEquals(40, TestSql.count(db, "SELECT count(*) FROM answer_embedding WHERE state = 'DONE'"));
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM embedding_backfill WHERE finished_at IS NOT NULL"));
        assertEquals(new JobRuns.Runs(1, 0, START), runs.of(ScheduledJob.EMBEDDINGS));
    }
}
