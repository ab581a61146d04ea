package org.carereview.consult.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign-in links and references do not stay in the outbox once the message has gone. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRetentionTest implements FreshDatabase {

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    OutboxRetention retention;
    @Inject
    OutboxQueue queue;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestSupport.withSchedulerOff(FreshDatabase.super.getProperties());
        properties.put("consult.mail.folder", System.getProperty("java.io.tmpdir") + "/outbox-retention-" + UUID.randomUUID());
        return properties;
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
    }

    @Test
    void aSentMessageLosesItsLinkOnceTheRetentionHasPassedAndNotBefore() {
        UUID sent = enqueueSignIn("https://consult.test/sign-in/secret-1");
        dispatcher.dispatchDue();

        clock.advance(Duration.ofHours(23));
        assertEquals(0, retention.redact());
        assertEquals("{\"link\": \"https://consult.test/sign-in/secret-1\"}", fields(sent));

        clock.advance(Duration.ofHours(2));
        assertEquals(1, retention.redact());
        assertEquals("{}", fields(sent));
        assertEquals(NotificationStatus.State.SENT, outbox.status(sent).orElseThrow().state(), "the status stays");
    }

    @Test
    void aMessageNotYetSentKeepsItsFieldsHoweverOld() {
        UUID waiting = enqueueSignIn("https://consult.test/sign-in/secret-2");

        clock.advance(Duration.ofDays(30));

        assertEquals(0, retention.redact());
        assertEquals("{\"link\": \"https://consult.test/sign-in/secret-2\"}", fields(waiting));
    }

    @Test
    void aMessageGivenUpKeepsItsFieldsForThirtyDaysSoItCanBeSentAgainAndNotAfter() {
        UUID failed = enqueueSignIn("https://consult.test/sign-in/secret-3");
        giveUp(failed);

        clock.advance(Duration.ofDays(29));
        assertEquals(0, retention.redact());
        assertEquals(1, queue.retryFailed(), "still has its link: queued again");
        assertEquals(NotificationStatus.State.CREATED, outbox.status(failed).orElseThrow().state());

        giveUp(failed);
        clock.advance(Duration.ofDays(2));
        assertEquals(1, retention.redact());
        assertEquals("{}", fields(failed));
        assertEquals(0, queue.retryFailed(), "its link is gone: it cannot be sent again");
    }

    private void giveUp(UUID id) {
        tx.executeWrite(s -> {
            try (PreparedStatement ps = s.getConnection().prepareStatement(
                    "UPDATE outbox_message SET status = 'FAILED_PERMANENTLY' WHERE id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate();
            }
        });
    }

    private UUID enqueueSignIn(String link) {
        return tx.executeWrite(s -> outbox.enqueue("sign-in-link", TestSupport.uniqueAddress("kim"), Map.of("link", link)));
    }

    private String fields(UUID id) {
        return tx.executeRead(s -> {
            try (PreparedStatement ps = s.getConnection().prepareStatement(
                    "SELECT fields::text FROM outbox_message WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
