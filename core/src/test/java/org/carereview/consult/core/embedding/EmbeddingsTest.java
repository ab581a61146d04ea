package org.carereview.consult.core.embedding;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.operations.WaitingWork;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answers' embeddings with the real model (nothing mocked) on a real database: a new submission queued as one
 * row when its redacted text is written, its answers queued and embedded only by the worker, made again when the text
 * changes, gone with the answer, and the back-fill of older answers resumable, shared by nodes and visible as
 * progress.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingsTest implements FreshDatabase {

    static final Instant START = Instant.parse("2027-02-01T09:00:00Z");

    @Inject Embeddings embeddings;
    @Inject DataSource db;
    @Inject MutableClock clock;
    @Inject WaitingWork waitingWork;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(FreshDatabase.super.getProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        return properties;
    }

    @BeforeEach
    void empty() {
        TestSql.execute(db, "DELETE FROM submission");
        TestSql.execute(db, "DELETE FROM embedding_backfill");
        clock.set(START);
    }

    @Test
    void writingARedactedAnswerQueuesItAndOnlyTheWorkerEmbedsIt() throws Exception {
        submission(1, "{\"keyQuestions\": \"My social worker [name] changed four times in a year\", "
                + "\"changes\": \"Let us keep the same social worker\"}");

        assertEquals(List.of(id(1)), due(), "queued in the same statement, as one row for the submission");
        assertEquals(List.of(), states(1), "nothing computed, nor any row an answer, in the request");
        assertEquals(2, embeddings.waiting(), "its two answers count as waiting");
        assertEquals(2, embeddings.embedDue());
        assertEquals(List.of(), due());

        assertEquals(List.of("DONE", "DONE"), states(1));
        float[] vector = vector(1, "keyQuestions");
        assertEquals(384, vector.length);
        assertEquals(1.0, dot(vector, vector), 1e-3, "unit length, so similarity is a dot product");
        assertEquals(0, embeddings.embedDue(), "nothing left waiting");
    }

    @Test
    void redactedAnswersWrittenInOneStatementAreEachQueuedAsIfWrittenAloneAndKeepTheirTimeInTheQueue() {
        for (int n = 1; n <= 3; n++) {
            TestSql.execute(db, "INSERT INTO submission (id, kind, reference, submitted_at, created_at, updated_at) "
                    + "VALUES (?::uuid, 'CALL_FOR_ADVICE', ?, now(), now(), now())", id(n), "CFA-EMB1-000" + n);
        }
        java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant());
        TestSql.execute(db, "INSERT INTO redacted_answer (submission_id, answers, found, redacted_at) VALUES "
                + "(?::uuid, '{\"a\": \"one\", \"b\": \"two\"}', '{}', ?), (?::uuid, '{\"a\": \"three\"}', '{}', ?), "
                + "(?::uuid, '{}', '{}', ?)", id(1), at, id(2), at, id(3), at);

        assertEquals(List.of(id(1), id(2)), due(), "no answers, nothing queued");
        assertEquals(2, TestSql.count(db, "SELECT count(*) FROM embedding_due WHERE queued_at = ?", at));
        clock.set(START.plusSeconds(600));

        assertEquals(3, embeddings.embedDue());
        assertEquals(List.of("DONE", "DONE"), states(1));
        assertEquals(List.of("DONE"), states(2));
        assertEquals(3, TestSql.count(db, "SELECT count(*) FROM answer_embedding WHERE queued_at = ?", at),
                "each answer queued at its own redaction's time, not when the worker took it");
    }

    @Test
    void theWorkerTakesNewSubmissionsOldestFirstAndReadsTheirAnswersAsTheyAreWhenItTakesThem() {
        int oldest = Embeddings.BATCH + 1;
        for (int n = oldest; n >= 1; n--) {
            submission(n, "{\"a\": \"Answer number " + n + "\", \"b\": \"Taken out by staff\"}");
            clock.advance(java.time.Duration.ofSeconds(1));
        }
        TestSql.execute(db, "UPDATE redacted_answer SET answers = '{\"a\": \"The oldest answer, corrected\"}' "
                + "WHERE submission_id = ?::uuid", id(oldest));

        assertEquals(Embeddings.BATCH, embeddings.embedDue());

        assertEquals(List.of(id(1)), due(), "the newest is left for the next batch");
        assertEquals(List.of("DONE"), states(oldest), "the oldest embedded first; the answer taken out never queued");
        assertEquals(List.of("WAITING", "WAITING"), states(2), "the next oldest queued answer by answer");
        // queued: the oldest's one answer and two each for the 15 after it; embedded: one batch; the newest's two
        assertEquals(1 + 2 * (Embeddings.BATCH - 1) - Embeddings.BATCH + 2, embeddings.waiting());
        TestSql.execute(db, "UPDATE redacted_answer SET answers = '{\"a\": \"Newest, corrected\", \"b\": \"Kept\"}' "
                + "WHERE submission_id = ?::uuid", id(1));
        assertEquals(1 + 2 * (Embeddings.BATCH - 1) - Embeddings.BATCH + 2, embeddings.waiting(),
                "an answer both queued by a correction and still in its submission's row counts once");
        assertEquals(embeddings.waiting(), waitingWork.counts().embeddingsWaiting(), "the metrics count the same");
    }

    @Test
    void answersThatMeanTheSameAreCloserThanAnswersAboutSomethingElse() throws Exception {
        submission(1, "{\"a\": \"I had five different social workers in two years\"}");
        submission(2, "{\"a\": \"My social worker kept changing, I never knew who it would be\"}");
        submission(3, "{\"a\": \"The food at the children's home was cold most nights\"}");
        embeddings.embedDue();

        double alike = dot(vector(1, "a"), vector(2, "a"));
        double other = dot(vector(1, "a"), vector(3, "a"));
        assertTrue(alike > other + 0.1, "alike " + alike + ", other " + other);
    }

    @Test
    void aCorrectedAnswerIsEmbeddedAgainAndARemovedOneLosesItsVector() throws Exception {
        submission(1, "{\"a\": \"I live at Beechwood with Sam\", \"b\": \"More trips out please\"}");
        embeddings.embedDue();
        clock.set(START.plusSeconds(60));

        TestSql.execute(db, "UPDATE redacted_answer SET answers = '{\"a\": \"I live at [place] with [name]\"}', "
                + "redacted_at = ? WHERE submission_id = ?::uuid", java.sql.Timestamp.from(clock.instant()), id(1));

        assertEquals(List.of("WAITING"), states(1), "the changed answer waits again, the removed one is gone");
        embeddings.embedDue();
        assertEquals(List.of("DONE"), states(1));
    }

    @Test
    void withdrawingOrDeletingASubmissionTakesItsVectorsWithIt() throws Exception {
        submission(1, "{\"a\": \"Please listen to us\"}");
        submission(2, "{\"a\": \"Please listen to us more\"}");
        embeddings.embedDue();
        submission(3, "{\"a\": \"Not taken by the worker yet\"}");

        TestSql.execute(db, "DELETE FROM redacted_answer WHERE submission_id = ?::uuid", id(1));
        TestSql.execute(db, "DELETE FROM submission WHERE id = ?::uuid", id(2));
        TestSql.execute(db, "DELETE FROM submission WHERE id = ?::uuid", id(3));

        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM answer_embedding"),
                "a withdrawal deletes the redacted answer, an erasure or purge the submission: both cascade");
        assertEquals(List.of(), due(), "so does the queue's row of a submission the worker has not taken");
    }

    @Test
    void theBackfillQueuesOlderAnswersInBatchesResumesWhereItStoppedAndShowsItsProgress() throws Exception {
        for (int n = 1; n <= Embeddings.BACKFILL_BATCH + 5; n++) {
            submission(n, "{\"a\": \"Answer number " + n + "\"}");
        }
        TestSql.execute(db, "DELETE FROM answer_embedding");
        TestSql.execute(db, "DELETE FROM embedding_due");

        assertEquals(Embeddings.BACKFILL_BATCH, embeddings.backfill());
        EmbeddingProgress halfway = embeddings.progress();
        assertEquals(Embeddings.BACKFILL_BATCH, halfway.scanned());
        assertEquals(Embeddings.BACKFILL_BATCH + 5, halfway.submissions());
        assertEquals(Embeddings.BACKFILL_BATCH, halfway.waiting());
        assertNull(halfway.backfillFinished());

        assertEquals(5, embeddings.backfill(), "carries on after the last submission it passed");
        assertEquals(0, embeddings.backfill());
        assertEquals(0, embeddings.backfill(), "finished: nothing more to pass");
        while (embeddings.embedDue() > 0) {
            // the worker's batches
        }
        EmbeddingProgress done = embeddings.progress();
        assertEquals(Embeddings.BACKFILL_BATCH + 5, done.embedded());
        assertEquals(0, done.waiting());
        assertNotNull(done.backfillFinished());
        assertTrue(done.complete());
        assertEquals("all-minilm-l6-v2-q", done.model());
    }

    @Test
    void vectorsOfAnotherModelAndFailedAnswersAreQueuedAgainByTheBackfill() throws Exception {
        submission(1, "{\"a\": \"Old vector\"}");
        submission(2, "{\"a\": \"Could not be read\"}");
        submission(3, "{\"a\": \"Fine as it is\"}");
        embeddings.embedDue();
        TestSql.execute(db, "UPDATE answer_embedding SET model = 'an-older-model' WHERE submission_id = ?::uuid", id(1));
        TestSql.execute(db, "UPDATE answer_embedding SET state = 'FAILED', vector = NULL WHERE submission_id = ?::uuid",
                id(2));

        embeddings.backfill();

        assertEquals(List.of("WAITING"), states(1));
        assertEquals(List.of("WAITING"), states(2));
        assertEquals(List.of("DONE"), states(3), "a vector by the current model is kept");
    }

    @Test
    void theBackfillLeavesASubmissionStillInTheQueueToTheWorker() {
        submission(1, "{\"a\": \"Not yet taken by the worker\", \"b\": \"Nor this\"}");

        embeddings.backfill();

        assertEquals(List.of(), states(1), "no row an answer beside the queue's row");
        assertEquals(List.of(id(1)), due());
        assertEquals(2, embeddings.waiting(), "its answers count once");
        assertEquals(2, embeddings.embedDue());
        assertEquals(List.of("DONE", "DONE"), states(1));
    }

    @Test
    void aSecondNodeSkipsWhatTheFirstHoldsInsteadOfWaitingOrDoingItTwice() throws Exception {
        submission(1, "{\"a\": \"Held by the other node\"}");
        embeddings.backfill();
        try (Connection other = DelegatingDataSource.unwrapDataSource(db).getConnection(); Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.execute("SELECT 1 FROM answer_embedding FOR UPDATE");
            sql.execute("SELECT 1 FROM embedding_due FOR UPDATE");
            sql.execute("SELECT 1 FROM embedding_backfill FOR UPDATE");

            assertEquals(0, embeddings.embedDue(), "the answer the other node holds is skipped");
            assertEquals(0, embeddings.backfill(), "so is the back-fill");
            other.rollback();
        }
        assertEquals(1, embeddings.embedDue());
    }

    private void submission(int n, String answers) {
        TestSql.execute(db, "INSERT INTO submission (id, kind, reference, submitted_at, created_at, updated_at) "
                + "VALUES (?::uuid, 'CALL_FOR_ADVICE', ?, ?, ?, ?)", id(n), "CFA-EMB0-" + String.format("%04d", n),
                java.sql.Timestamp.from(START), java.sql.Timestamp.from(START), java.sql.Timestamp.from(START));
        TestSql.execute(db, "INSERT INTO redacted_answer (submission_id, answers, found, redacted_at) "
                + "VALUES (?::uuid, ?::jsonb, '{}', ?)", id(n), answers, java.sql.Timestamp.from(clock.instant()));
    }

    private static String id(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }

    private List<String> due() {
        return TestSql.column(db, "SELECT submission_id::text FROM embedding_due ORDER BY submission_id");
    }

    private List<String> states(int n) {
        return TestSql.column(db, "SELECT state FROM answer_embedding WHERE submission_id = ?::uuid ORDER BY field",
                id(n));
    }

    private float[] vector(int n, String field) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(db).getConnection(); var ps = c.prepareStatement(
                "SELECT vector FROM answer_embedding WHERE submission_id = ?::uuid AND field = ?")) {
            ps.setString(1, id(n));
            ps.setString(2, field);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                Array array = rs.getArray(1);
                Float[] boxed = (Float[]) array.getArray();
                float[] out = new float[boxed.length];
                for (int i = 0; i < boxed.length; i++) {
                    out[i] = boxed[i];
                }
                return out;
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
