package org.carereview.consult.core.safeguarding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.operations.ThreadNice;
import org.carereview.consult.core.submission.NewSubmission;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0044's option B, with the real model: once a surge has left more than {@code surge-queue} submissions to the
 * learned check's queue, requests are screened by phrases and queued without asking for the model; a phrase catch is
 * still flagged and its lead alerted in the submission's own transaction; the queue is read at the lowest CPU
 * priority; and once it is read down, requests read with the model again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurgeQueueTest implements FreshDatabase {

    static final String NEGLECT = "theres nothing to eat and mum's been gone 2 days";
    static final String PHRASES = "My stepdad hits me and I am scared to go home.";

    @Inject Submissions submissions;
    @Inject LearnedCheck learned;
    @Inject LearnedQueueJob job;
    @Inject ModelReaders readers;
    @Inject AccountService accounts;
    @Inject DataSource dataSource;
    @Inject MutableClock clock;
    @Inject TransactionOperations<Connection> tx;

    private final Map<String, String> properties = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        if (properties.isEmpty()) {
            properties.putAll(TestDatabase.fresh().micronautProperties());
            properties.put("consult.safeguarding.learned.enabled", "true");
            properties.put("consult.safeguarding.learned.readers", "1");
            properties.put("consult.safeguarding.learned.reader-wait", "0s");
            properties.put("consult.safeguarding.learned.start-after", "0s");
            properties.put("consult.safeguarding.learned.surge-queue", "1");
            properties.put("consult.safeguarding.learned.queue.enabled", "true");
            // The test runs the job itself: the first scheduled run would come an interval after start-up.
            properties.put("consult.safeguarding.learned.queue-interval", "1h");
            properties.put(TestClock.PROPERTY, "2027-02-05T16:00:00Z");
        }
        return properties;
    }

    @BeforeAll
    void modelReady() {
        accounts.createStaff("surge.lead@example.org", Role.SAFEGUARDING_LEAD, "a long enough password");
        assertTrue(learned.awaitReady(300), "the model loads and learns from the shipped examples");
    }

    @Test
    void pastTheSurgeQueueRequestsLeaveTheModelToTheQueueAndPhraseCatchesAreStillAlertedAtOnce() throws Exception {
        // A peak: the model is busy, so two submissions are left to the queue (option A's way, as always).
        try (HeldTurn busy = HeldTurn.take(readers)) {
            for (int i = 0; i < 2; i++) {
                try (Screening.Ahead ahead = submissions.screenAhead("We need more youth workers.", null)) {
                    send("We need more youth workers.");
                }
            }
        }
        job.run();
        assertTrue(readers.surging(), "two waited, more than the surge queue of one");
        assertEquals(0, waiting(), "read, with no request wanting the cores");

        NewSubmission byPhrases;
        NewSubmission byModelOnly;
        try (Screening.Ahead ahead = submissions.screenAhead(PHRASES, null)) {
            byPhrases = send(PHRASES);
            assertFalse(ahead.used(), "no turn asked for");
        }
        try (Screening.Ahead ahead = submissions.screenAhead(NEGLECT, null)) {
            byModelOnly = send(NEGLECT);
            assertFalse(ahead.used());
        }
        assertTrue(flagged(byPhrases), "a phrase catch is flagged at once");
        assertEquals(List.of("surge.lead@example.org"), TestSql.column(dataSource, "SELECT recipient "
                + "FROM outbox_message WHERE template = 'safeguarding-alert' AND fields->>'reference' = ?",
                byPhrases.reference()), "and its lead's alert queued in the same transaction");
        assertFalse(flagged(byModelOnly), "screened by phrases alone, none of which it uses");
        assertEquals(2, waiting(), "both wait for the learned check");

        clock.advance(Duration.ofSeconds(5));
        job.run();
        assertTrue(flagged(byModelOnly), "read from the queue");
        assertEquals(Optional.of(19), ThreadNice.named("background-low-priority"), "at the lowest CPU priority");
        assertEquals(0, waiting());

        job.run();
        assertFalse(readers.surging(), "nothing waits: the surge is over");
        try (Screening.Ahead ahead = submissions.screenAhead(NEGLECT, null)) {
            assertTrue(flagged(send(NEGLECT)));
            assertTrue(ahead.used(), "read by the model in the request again");
        }
    }

    private NewSubmission send(String text) {
        return tx.executeWrite(status -> submissions.create(
                SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null, null, Set.of(), Set.of(), text)));
    }

    private boolean flagged(NewSubmission s) {
        return List.of("t").equals(
                TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?", s.id()));
    }

    private long waiting() {
        return TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_check_queue");
    }
}
