package org.carereview.consult.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxEnqueueTest implements FreshDatabase {

    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
    }

    @Test
    void aMessageEnqueuedInACommittedTransactionIsStoredAsCreated() {
        String to = TestSupport.uniqueAddress("sam");

        UUID id = tx.executeWrite(status -> outbox.enqueue("advice-receipt", to, Map.of("reference", "CFA-1")));

        NotificationStatus stored = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.CREATED, stored.state());
        assertEquals("advice-receipt", stored.template());
        assertEquals(to, stored.recipient());
        assertEquals(0, stored.attempts());
        assertEquals(TestClockFactory.START, stored.createdAt());
        assertEquals(TestClockFactory.START, stored.nextAttemptAt());
    }

    @Test
    void aMessageEnqueuedInATransactionThatRollsBackIsNeverStored() {
        String to = TestSupport.uniqueAddress("sam");

        assertThrows(IllegalStateException.class, () -> tx.executeWrite(status -> {
            outbox.enqueue("advice-receipt", to, Map.of("reference", "CFA-2"));
            throw new IllegalStateException("the business change failed");
        }));

        assertTrue(outbox.statusesFor(to).isEmpty());
    }

    @Test
    void enqueueOutsideATransactionIsRefusedAndStoresNothing() {
        String to = TestSupport.uniqueAddress("sam");

        assertThrows(IllegalTransactionStateException.class,
                () -> outbox.enqueue("advice-receipt", to, Map.of("reference", "CFA-3")));

        assertTrue(outbox.statusesFor(to).isEmpty());
    }

    @Test
    void anUnknownTemplateOrAMissingFieldIsRefused() {
        String to = TestSupport.uniqueAddress("sam");

        assertThrows(IllegalArgumentException.class,
                () -> tx.executeWrite(s -> outbox.enqueue("no-such-template", to, Map.of())));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> tx.executeWrite(s -> outbox.enqueue("staff-invitation", to, Map.of("link", "https://x.test/1"))));
        assertTrue(missing.getMessage().contains("role"), missing.getMessage());

        assertTrue(outbox.statusesFor(to).isEmpty());
    }

    @Test
    void aRefusedEnqueueRollsBackTheCallersWholeTransactionSoNoChangeGoesWithoutItsMessage() {
        String to = TestSupport.uniqueAddress("sam");
        List<Exception> refused = new ArrayList<>();

        assertThrows(RuntimeException.class, () -> tx.executeWrite(status -> {
            outbox.enqueue("advice-receipt", to, Map.of("reference", "CFA-OK"));
            try {
                outbox.enqueue("advice-receipt", to, Map.of());
            } catch (IllegalArgumentException e) {
                refused.add(e); // a caller that swallows the refusal still cannot commit
            }
            return null;
        }));

        assertEquals(1, refused.size());
        assertTrue(outbox.statusesFor(to).isEmpty());
    }

    @Test
    void aRecipientThatIsNotOnePlainAddressIsRefusedWithoutQuotingIt() {
        for (String bad : List.of("not an address", "sam@", "Sam Smith <sam@example.org>", "a@example.org, b@example.org", " ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> tx.executeWrite(s -> outbox.enqueue("sign-in-link", bad, Map.of("link", "https://x.test/l"))));
            assertFalse(!bad.isBlank() && e.getMessage().contains(bad.strip()), e.getMessage());
        }
    }

    @Test
    void statusesForARecipientIgnoreCaseAndListTheNewestFirst() {
        String to = TestSupport.uniqueAddress("Sam.Jones");
        UUID first = tx.executeWrite(s -> outbox.enqueue("sign-in-link", to, Map.of("link", "https://x.test/1")));
        clock.advance(Duration.ofMinutes(1));
        UUID second = tx.executeWrite(s -> outbox.enqueue("sign-in-link", to, Map.of("link", "https://x.test/2")));

        List<NotificationStatus> found = outbox.statusesFor(to.toLowerCase());

        assertEquals(List.of(second, first), found.stream().map(NotificationStatus::id).toList());
        assertTrue(outbox.statusesFor(TestSupport.uniqueAddress("nobody")).isEmpty());
    }

    @Test
    void aStatusNeverShowsTheRecipientWhenPrinted() {
        String to = TestSupport.uniqueAddress("sam");
        UUID id = tx.executeWrite(s -> outbox.enqueue("sign-in-link", to, Map.of("link", "https://x.test/1")));

        assertFalse(outbox.status(id).orElseThrow().toString().contains(to));
    }
}
