package org.carereview.consult.advice;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.AtOnce;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One send of a draft is one submission, one reference and one receipt, however many times it is sent. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceSentOnceTest implements FreshDatabase {

    @Inject
    AdviceDrafts drafts;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.advice.minimum-time", "0s");
        return properties;
    }

    private Draft answered(String email) {
        Draft draft = drafts.start(null);
        drafts.save(draft.id(), draft.state().with(AdviceDraftsTest.answers(email)));
        return draft;
    }

    /** Which submission a receipt names (the time is read back from the database to the microsecond). */
    private static String sent(AdviceReceipt receipt) {
        return receipt.id() + " " + receipt.reference();
    }

    private long submissions(String email) {
        return TestSql.count(dataSource, "SELECT count(*) FROM advice_submission WHERE contact_email = ?", email);
    }

    private long receipts(String email) {
        return TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = ?", email);
    }

    @Test
    void twoSendsOfOneDraftAtTheSameMomentStoreOneSubmissionAndBothGetItsReference() {
        for (int round = 0; round < 5; round++) {
            String email = "same.moment." + round + "@example.org";
            Draft draft = answered(email);

            List<AdviceReceipt> receipts = AtOnce.run(2, () -> drafts.send(draft.id(), null));

            assertEquals(sent(receipts.get(0)), sent(receipts.get(1)), "both sends answer with the first submission");
            assertTrue(receipts.get(0).reference().matches("CFA-[2-9A-Z]{4}-[2-9A-Z]{4}"));
            assertEquals(1, submissions(email), "one submission");
            assertEquals(1, receipts(email), "one receipt email");
            assertEquals(List.of(receipts.get(0).id().toString()), TestSql.column(dataSource,
                    "SELECT submission_id FROM sent_from WHERE kind = 'CALL_FOR_ADVICE' AND source = ?",
                    draft.id().toString()), "the submission records the draft it was sent from");
            assertTrue(drafts.find(draft.id()).isEmpty(), "a sent draft is deleted");
        }
    }

    @Test
    void aDraftSentAgainLaterGetsTheFirstReceiptAndNothingMoreIsStoredOrSent() {
        String email = "sent.again@example.org";
        Draft draft = answered(email);
        AdviceReceipt first = drafts.send(draft.id(), null);

        assertEquals(sent(first), sent(drafts.send(draft.id(), null)));
        assertEquals(Optional.of(sent(first)), drafts.sent(draft.id()).map(AdviceSentOnceTest::sent));
        assertEquals(1, submissions(email));
        assertEquals(1, receipts(email));
    }
}
