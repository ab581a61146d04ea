package org.carereview.consult.notifications;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With SMTP and no GOV.UK Notify, a text message has nothing to go through: it waits in the outbox, saying why, and
 * goes once Notify is set (ADR 31). Also: what {@link Outbox#enqueueText} accepts.
 */
@ExpectedNoise("texts with no text message service set")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextWithoutNotifyTest implements FreshDatabase {

    @Inject
    Outbox outbox;
    @Inject
    OutboxQueue queue;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return TestSupport.withSmtp(FreshDatabase.super.getProperties(), FreePorts.next());
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
    }

    @Test
    void aTextWaitsInTheOutboxSayingThatNoTextMessageServiceIsSet() {
        UUID id = enqueueText("+44 7700 900123");

        assertEquals(0, dispatcher.dispatchDue());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, dispatcher.dispatchDue());

        NotificationStatus waiting = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.CREATED, waiting.state());
        assertEquals(2, waiting.attempts());
        assertEquals(MailSenderFactory.NO_TEXT_SERVICE, waiting.lastError());
        List<OutboxQueue.Message> pending = queue.list(OutboxQueue.Status.PENDING);
        assertEquals("+44•••123", pending.get(0).recipient(), "administrators see that it is stuck, not to whom");
    }

    @Test
    void aTextIsStoredAtOneFormOfTheNumber() {
        UUID id = enqueueText("07700 900 123");

        assertEquals("+447700900123", outbox.status(id).orElseThrow().recipient());
    }

    @Test
    void aLandlineOrAnEmailAddressIsRefusedAsTheNumberOfAText() {
        for (String notMobile : List.of("020 7946 0018", "sam@example.org")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> enqueueText(notMobile));
            assertTrue(refused.getMessage().contains("not a UK mobile number"), refused.getMessage());
            assertTrue(!refused.getMessage().contains(notMobile), refused.getMessage());
        }
    }

    private UUID enqueueText(String phone) {
        return tx.executeWrite(status -> outbox.enqueueText("application-outcome-selected-sms", phone,
                Map.of("reference", "EBE-7")));
    }
}
