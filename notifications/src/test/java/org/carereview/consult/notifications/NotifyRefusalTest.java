package org.carereview.consult.notifications;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What happens when GOV.UK Notify refuses (answered by the local fake): 429 and 5xx wait and are tried again, as do
 * refusals a fixed setting cures (403, a team-only key); a 400 about the message itself fails at once.
 */
@ExpectedNoise("Notify refuses, is busy or is down")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyRefusalTest implements FreshDatabase {

    static final FakeNotify NOTIFY = FakeNotify.started();

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return TestSupport.withNotify(FreshDatabase.super.getProperties(), NOTIFY);
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
        NOTIFY.reset();
    }

    @AfterAll
    void stop() {
        NOTIFY.close();
    }

    @Test
    void aRateLimitedEmailAndTextWaitAndAreEachReceivedOnceOnTheNextDispatch() {
        UUID email = enqueueEmail(TestSupport.uniqueAddress("sam"), "CFA-1");
        UUID text = enqueueText("EBE-1");
        String limited = "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds";
        NOTIFY.failNext(429, "RateLimitError", limited);
        NOTIFY.failNext(429, "RateLimitError", limited);

        assertEquals(0, dispatcher.dispatchDue());
        for (UUID id : new UUID[] {email, text}) {
            NotificationStatus waiting = outbox.status(id).orElseThrow();
            assertEquals(NotificationStatus.State.CREATED, waiting.state());
            assertEquals("Notify 429 RateLimitError: " + limited, waiting.lastError());
            assertEquals(TestClockFactory.START.plusSeconds(30), waiting.nextAttemptAt());
        }
        assertEquals(0, dispatcher.dispatchDue(), "not due yet: no attempt");

        clock.advance(Duration.ofSeconds(30));
        assertEquals(2, dispatcher.dispatchDue());

        assertEquals(1, NOTIFY.received("email").size());
        assertEquals(1, NOTIFY.received("sms").size());
        assertEquals(4, NOTIFY.requests(), "two refused, then each once");
        NotificationStatus sent = outbox.status(text).orElseThrow();
        assertEquals(NotificationStatus.State.SENT, sent.state());
        assertEquals(2, sent.attempts());
        assertNull(sent.lastError());
    }

    @Test
    void aServerErrorIsRetried() {
        UUID id = enqueueText("EBE-2");
        NOTIFY.failNext(500, "Exception", "Internal server error");

        assertEquals(0, dispatcher.dispatchDue());
        assertEquals("Notify 500 Exception: Internal server error", outbox.status(id).orElseThrow().lastError());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(1, NOTIFY.received("sms").size());
    }

    @Test
    void aBadRequestAboutTheMessageFailsPermanentlyWithoutQuotingTheNumber() {
        UUID id = enqueueText("EBE-3");
        NOTIFY.failNext(400, "ValidationError", "phone_number +447700900123 Not a UK mobile number");

        assertEquals(0, dispatcher.dispatchDue());

        NotificationStatus failed = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.FAILED_PERMANENTLY, failed.state());
        assertEquals("Notify 400 ValidationError: phone_number (number) Not a UK mobile number", failed.lastError());
    }

    @Test
    void aBadRequestAboutOurSettingsIsRetriedOnceTheSettingIsFixed() {
        UUID id = enqueueEmail(TestSupport.uniqueAddress("sam"), "CFA-4");
        NOTIFY.failNext(400, "BadRequestError", "Can't send to this recipient using a team-only API key");

        assertEquals(0, dispatcher.dispatchDue());

        assertEquals(NotificationStatus.State.CREATED, outbox.status(id).orElseThrow().state());
    }

    @Test
    void aRefusedKeyIsKeptForRetryLikeAnSmtpLoginFailure() {
        UUID id = enqueueEmail(TestSupport.uniqueAddress("sam"), "CFA-5");
        NOTIFY.failNext(403, "AuthError", "Invalid token: API key not found");

        assertEquals(0, dispatcher.dispatchDue());
        NotificationStatus waiting = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.CREATED, waiting.state());
        assertEquals("Notify 403 AuthError: Invalid token: API key not found", waiting.lastError());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, dispatcher.dispatchDue());
    }

    private UUID enqueueEmail(String to, String reference) {
        return tx.executeWrite(status -> outbox.enqueue("advice-receipt", to, Map.of("reference", reference)));
    }

    private UUID enqueueText(String reference) {
        return tx.executeWrite(status -> outbox.enqueueText("ebe-receipt-sms", "07700 900123",
                Map.of("reference", reference, "closingDate", "1 April 2025 at 5pm")));
    }
}
