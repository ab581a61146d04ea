package org.carereview.consult.experts;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.db.AtOnce;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One send of a draft is one application, one reference and one receipt, however many times it is sent. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationSentOnceTest implements FreshDatabase {

    @Inject
    ApplicationDrafts drafts;

    @Inject
    ApplicationWindow window;

    @Inject
    DataSource dataSource;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return ApplicationsTestSupport.properties();
    }

    @BeforeEach
    void openTheWindow() {
        ApplicationsTestSupport.openWindow(window);
    }

    private ApplicationDraft answered(String email) throws IOException {
        ApplicationDraft draft = drafts.start(null);
        drafts.save(draft.id(), json.readValue(json.writeValueAsString(ApplicationsTestSupport.validBody(email)),
                ApplicationInput.class));
        return draft;
    }

    private long applications(String email) {
        return TestSql.count(dataSource, "SELECT count(*) FROM ebe_application WHERE email = ?", email);
    }

    private long receipts(String email) {
        return TestSql.count(dataSource,
                "SELECT count(*) FROM outbox_message WHERE template = 'ebe-receipt' AND recipient = ?", email);
    }

    @Test
    void twoSendsOfOneDraftAtTheSameMomentStoreOneApplicationAndBothGetItsReference() throws IOException {
        for (int round = 0; round < 5; round++) {
            String email = "same.moment." + round + "@example.org";
            ApplicationDraft draft = answered(email);

            List<ApplicationReceipt> receipts = AtOnce.run(2, () -> drafts.send(draft.id(), null));

            assertEquals(receipts.get(0), receipts.get(1), "both sends answer with the first application");
            assertTrue(receipts.get(0).reference().matches("EBE-[2-9A-Z]{4}-[2-9A-Z]{4}"));
            assertEquals(1, applications(email), "one application");
            assertEquals(1, receipts(email), "one receipt email");
            assertEquals(List.of(receipts.get(0).id().toString()), TestSql.column(dataSource,
                    "SELECT submission_id FROM sent_from WHERE kind = 'EBE_APPLICATION' AND source = ?",
                    draft.id().toString()), "the application records the draft it was sent from");
            assertTrue(drafts.find(draft.id()).isEmpty(), "a sent draft is deleted");
        }
    }

    @Test
    void aDraftSentAgainLaterGetsTheFirstReceiptAndNothingMoreIsStoredOrSent() throws IOException {
        String email = "sent.again@example.org";
        ApplicationDraft draft = answered(email);
        ApplicationReceipt first = drafts.send(draft.id(), null);

        assertEquals(first, drafts.send(draft.id(), null));
        assertEquals(Optional.of(first), drafts.sent(draft.id()));
        assertEquals(1, applications(email));
        assertEquals(1, receipts(email));
    }

    @Test
    void aSendThatFailsLeavesNoRecordSoTheDraftCanBeSentWhenItCan() throws IOException {
        String email = "window.not.open@example.org";
        ApplicationDraft draft = answered(email);
        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.OPENS_AT.minusSeconds(1));

        ProblemException closed = assertThrows(ProblemException.class, () -> drafts.send(draft.id(), null));
        assertEquals(409, closed.status().getCode());
        assertTrue(drafts.sent(draft.id()).isEmpty(), "a failed send records nothing");
        assertTrue(drafts.find(draft.id()).isPresent(), "and keeps the draft");

        ExpertsTestClock.CLOCK.set(ApplicationsTestSupport.NOW);
        ApplicationReceipt receipt = drafts.send(draft.id(), null);
        assertEquals(Optional.of(receipt), drafts.sent(draft.id()));
        assertEquals(1, applications(email));
    }
}
