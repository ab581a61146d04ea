package org.carereview.consult.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims and their leases: a node that dies mid-send, and a node that comes back too late. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaseTest implements FreshDatabase {

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, TestSupport.LOCALHOST, ServerSetup.PROTOCOL_SMTP));

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Claims claims;
    @Inject
    NotificationsConfiguration config;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return TestSupport.withSmtp(FreshDatabase.super.getProperties(), SMTP_PORT);
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
    }

    @Test
    void aClaimLeftByADeadNodeIsReclaimedOnceItsLeaseRunsOut() {
        UUID id = enqueue();
        assertEquals(1, claimAsAnotherNode().size(), "another node claims it, then dies");

        assertEquals(0, dispatcher.dispatchDue(), "the lease still holds");
        assertEquals(NotificationStatus.State.SENDING, outbox.status(id).orElseThrow().state());

        clock.advance(config.lease().plusSeconds(1));
        assertEquals(1, dispatcher.dispatchDue());

        NotificationStatus sent = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.SENT, sent.state());
        assertEquals(2, sent.attempts());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void aNodeWhoseLeaseWasTakenOverCannotOverwriteTheNewerClaim() {
        UUID id = enqueue();
        Claims.Claimed late = claimAsAnotherNode().get(0);
        clock.advance(config.lease().plusSeconds(1));
        Claims.Claimed current = claimAsAnotherNode().get(0);

        assertFalse(claims.markSent(late, clock.instant()));
        assertFalse(claims.markFailed(late, "X"));
        assertFalse(claims.reschedule(late, clock.instant(), "X"));
        assertEquals(NotificationStatus.State.SENDING, outbox.status(id).orElseThrow().state());

        assertTrue(claims.markSent(current, clock.instant()));
        assertEquals(NotificationStatus.State.SENT, outbox.status(id).orElseThrow().state());
    }

    @Test
    void aClaimAbandonedOnTheLastAttemptIsGivenUpRatherThanSentAgain() {
        UUID id = enqueue();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            assertEquals(1, claimAsAnotherNode().size());
            clock.advance(config.lease().plusSeconds(1));
        }

        assertEquals(0, dispatcher.dispatchDue());

        NotificationStatus failed = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.FAILED_PERMANENTLY, failed.state());
        assertEquals(config.maxAttempts(), failed.attempts());
        assertEquals("LeaseExpired", failed.lastError());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void aReleasedClaimIsDueAgainWithoutCountingTheAttempt() {
        UUID id = enqueue();
        Claims.Claimed claim = claimAsAnotherNode().get(0);

        assertTrue(claims.release(claim, clock.instant()));

        NotificationStatus released = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.CREATED, released.state());
        assertEquals(0, released.attempts());
        assertEquals(1, dispatcher.dispatchDue());
    }

    @Test
    void messagesOutOfAttemptsAreGivenUpEveryThirtySecondsNotAtEveryClaim() {
        claimAsAnotherNode();
        clock.advance(Claims.FAIL_OUT_EVERY);
        claimAsAnotherNode();
        UUID id = enqueue();
        TestSupport.sql(tx, "UPDATE outbox_message SET attempts = " + config.maxAttempts());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), claimAsAnotherNode(), "out of attempts: never claimed");
        assertEquals(NotificationStatus.State.CREATED, outbox.status(id).orElseThrow().state(), "not given up yet");

        clock.advance(Claims.FAIL_OUT_EVERY.minusSeconds(1));
        assertEquals(List.of(), claimAsAnotherNode());
        assertEquals(NotificationStatus.State.FAILED_PERMANENTLY, outbox.status(id).orElseThrow().state());
    }

    private List<Claims.Claimed> claimAsAnotherNode() {
        return claims.claim(clock.instant(), clock.instant().plus(config.lease()), config.batchSize(), config.maxAttempts());
    }

    private UUID enqueue() {
        return tx.executeWrite(s -> outbox.enqueue("sign-in-link", TestSupport.uniqueAddress("sam"),
                Map.of("link", "https://consult.test/l/" + UUID.randomUUID())));
    }
}
