package org.carereview.consult.core.embedding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.carereview.consult.core.operations.ThreadNice;
import org.carereview.consult.core.safeguarding.HeldTurn;
import org.carereview.consult.core.safeguarding.ModelReaders;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At a peak, when requests miss their turn with the sentence model, the embeddings worker leaves the answers waiting,
 * so the cores go to the people sending; a minute after the last missed turn it embeds them. And it always embeds at
 * the lowest CPU priority, so requests have the cores first even when the learned check is off and nothing misses.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingJobYieldsTest implements TestPropertyProvider {

    static final Instant START = Instant.parse("2027-03-01T10:00:00Z");

    @Inject EmbeddingJob job;
    @Inject ModelReaders readers;
    @Inject MutableClock clock;
    @Inject DataSource db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.embeddings.enabled", "true");
        properties.put("consult.embeddings.interval", "1h");
        properties.put("consult.safeguarding.learned.readers", "1");
        properties.put("consult.safeguarding.learned.reader-wait", "0s");
        return properties;
    }

    @Test
    void leavesAnswersWaitingWhileRequestsMissTheirTurnWithTheModel() throws Exception {
        TestSql.execute(db, "INSERT INTO submission (id, kind, reference, submitted_at, created_at, updated_at) "
                + "VALUES ('00000000-0000-0000-0000-000000000101', 'DEEP_DIVE_FEEDBACK', 'DDF-YLD0-0001', ?, ?, ?)",
                Timestamp.from(START), Timestamp.from(START), Timestamp.from(START));
        TestSql.execute(db, "INSERT INTO redacted_answer (submission_id, answers, found, redacted_at) VALUES "
                + "('00000000-0000-0000-0000-000000000101', '{\"whatWorks\": \"My key worker listens\"}', '{}', ?)",
                Timestamp.from(START));
        assertFalse(readers.busy(), "no request has missed its turn yet");

        try (HeldTurn held = HeldTurn.take(readers)) {
            assertEquals(Optional.empty(), readers.read(() -> Optional.of("read")), "a request misses its turn");
        }
        assertTrue(readers.busy());
        job.run();
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM answer_embedding WHERE state = 'DONE'"),
                "nothing embedded at the peak");
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM embedding_due"), "the answer waits, in the queue");

        clock.advance(Duration.ofSeconds(61));
        assertFalse(readers.busy());
        job.run();
        assertEquals(1, TestSql.count(db, "SELECT count(*) FROM answer_embedding WHERE state = 'DONE'"));
        assertEquals(Optional.of(19), ThreadNice.named("background-low-priority"), "embedded at the lowest priority");
        assertEquals(0, ThreadNice.current(), "the job's own thread is left as it was");
    }
}
