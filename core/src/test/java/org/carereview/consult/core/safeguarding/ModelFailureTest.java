package org.carereview.consult.core.safeguarding;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.submission.NewSubmission;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model that cannot run (a broken native library, a corrupt artifact) never loses or delays a submission:
 * it is stored, screened by phrases alone, and queued for the learned check, which tries again later.
 */
@ExpectedNoise("the safeguarding model is broken or missing")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFailureTest implements FreshDatabase {

    @Inject Submissions submissions;
    @Inject LearnedCheck learned;
    @Inject LearnedQueue queue;
    @Inject AccountService accounts;
    @Inject DataSource dataSource;
    @Inject TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.safeguarding.learned.enabled", "true");
        properties.put("test.broken-model", "true");
        return properties;
    }

    /** A model whose every use fails, as ONNX Runtime does when its native library cannot load. */
    @Factory
    @Requires(property = "test.broken-model")
    static class BrokenModel {
        @Singleton
        @Replaces(SentenceEncoder.class)
        SentenceEncoder broken() {
            return new SentenceEncoder() {
                @Override
                public String name() {
                    return "broken";
                }

                @Override
                public float[] encode(String text) {
                    throw new UnsatisfiedLinkError("onnxruntime native library could not be loaded");
                }
            };
        }
    }

    private NewSubmission send(String text) {
        return tx.executeWrite(status -> submissions.create(
                SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, null, null, Set.of(), Set.of(), text)));
    }

    @Test
    void everySubmissionIsStoredScreenedByPhrasesAndQueuedForTheCheck() {
        accounts.createStaff("broken.lead@example.org", Role.SAFEGUARDING_LEAD, "a long enough password");
        assertFalse(learned.awaitReady(30), "the model never becomes ready");

        NewSubmission disclosure = send("My stepdad hits me and I am scared to go home.");
        NewSubmission ordinary = send("theres nothing to eat and mum's been gone 2 days");

        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?",
                disclosure.id()), "phrases still flag");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE template = "
                + "'safeguarding-alert' AND fields->>'reference' = ?", disclosure.reference()), "and alert the lead");
        assertEquals(List.of("f"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?",
                ordinary.id()), "no phrase: not flagged yet");
        assertEquals(2, TestSql.count(dataSource, "SELECT count(*) FROM safeguarding_check_queue WHERE submission_id IN (?, ?)",
                disclosure.id(), ordinary.id()), "both wait for the learned check");

        int waiting = queue.waiting();
        assertEquals(0, queue.checkDue(), "the check cannot run yet");
        assertEquals(waiting, queue.waiting(), "and nothing is taken off the queue");
        assertTrue(TestSql.column(dataSource, "SELECT search_text FROM submission WHERE id = ?", ordinary.id()).get(0)
                .contains("nothing to eat"), "the words are kept");
    }

    @Test
    void textKeptOutOfSearchWaitsForTheCheckSealedInTheQueue() {
        assertFalse(learned.awaitReady(30), "the model never becomes ready");
        NewSubmission application = tx.executeWrite(status -> submissions.create(SubmissionDraft.of(
                SubmissionKind.EBE_APPLICATION, null, null, Set.of(), Set.of(), "I want to help other kids",
                "nobody feeds us at home")));

        List<String> queued = TestSql.column(dataSource,
                "SELECT screened_only FROM safeguarding_check_queue WHERE submission_id = ?", application.id());
        assertEquals(1, queued.size(), "queued for the learned check");
        assertTrue(queued.get(0).startsWith("v1:"), "the needs wait sealed: " + queued.get(0));
        assertFalse(queued.get(0).contains("feeds"), "never in clear");
        assertFalse(TestSql.column(dataSource, "SELECT search_text FROM submission WHERE id = ?", application.id())
                .get(0).contains("feeds"), "nor searchable");
    }
}
