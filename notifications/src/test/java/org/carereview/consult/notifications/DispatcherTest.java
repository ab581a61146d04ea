package org.carereview.consult.notifications;

import org.carereview.consult.db.ExpectedNoise;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExpectedNoise("mail servers that refuse, time out or are down")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatcherTest implements FreshDatabase {

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, TestSupport.LOCALHOST, ServerSetup.PROTOCOL_SMTP));

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
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
    void dispatchSendsTheMessageThroughSmtpAndMarksItSent() throws Exception {
        String to = TestSupport.uniqueAddress("sam");
        UUID id = enqueueReceipt(to, "CFA-7K2Q");

        assertEquals(1, dispatcher.dispatchDue());

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals(to, mail.getAllRecipients()[0].toString());
        assertEquals("Thank you for your advice", mail.getSubject());
        assertTrue(((String) mail.getContent()).contains("Your reference is: CFA-7K2Q"), (String) mail.getContent());
        assertTrue(mail.getFrom()[0].toString().contains("no-reply@review.test"));
        assertEquals("<" + id + "@review.test>", mail.getMessageID());
        assertTrue(mail.getContentType().toLowerCase().contains("charset=utf-8"), mail.getContentType());

        NotificationStatus status = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.SENT, status.state());
        assertEquals(1, status.attempts());
        assertEquals(TestClockFactory.START, status.sentAt());
        assertNull(status.lastError());
    }

    @Test
    void aSentMessageIsNeverSentAgain() {
        enqueueReceipt(TestSupport.uniqueAddress("sam"), "CFA-1");
        assertEquals(1, dispatcher.dispatchDue());

        clock.advance(Duration.ofDays(1));

        assertEquals(0, dispatcher.dispatchDue());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void aFailedAttemptIsRetriedWithExponentialBackoffAndSucceedsOnceTheServerIsBack() {
        UUID id = enqueueReceipt(TestSupport.uniqueAddress("sam"), "CFA-2");
        SMTP.stop();

        assertEquals(0, dispatcher.dispatchDue());
        NotificationStatus first = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.CREATED, first.state());
        assertEquals(1, first.attempts());
        assertEquals(TestClockFactory.START.plusSeconds(30), first.nextAttemptAt());
        assertEquals("MailConnectException: ConnectException: Connection refused", first.lastError());

        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, dispatcher.dispatchDue());
        assertEquals(1, outbox.status(id).orElseThrow().attempts(), "not due yet: no attempt");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, dispatcher.dispatchDue());
        NotificationStatus second = outbox.status(id).orElseThrow();
        assertEquals(2, second.attempts());
        assertEquals(clock.instant().plusSeconds(60), second.nextAttemptAt(), "the wait doubles");

        SMTP.start();
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, dispatcher.dispatchDue());

        NotificationStatus sent = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.SENT, sent.state());
        assertEquals(3, sent.attempts());
        assertNull(sent.lastError());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void aMessageFailsPermanentlyAfterMaxAttemptsAndItsAddressReachesNeitherTheLogNorTheError() {
        String to = TestSupport.uniqueAddress("sam");
        UUID id = enqueueReceipt(to, "CFA-3");
        SMTP.stop();

        try (CapturedLogs logs = new CapturedLogs()) {
            for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
                assertEquals(0, dispatcher.dispatchDue());
                assertEquals(attempt, outbox.status(id).orElseThrow().attempts());
                clock.advance(config.maxBackoff());
            }
            NotificationStatus failed = outbox.status(id).orElseThrow();
            assertEquals(NotificationStatus.State.FAILED_PERMANENTLY, failed.state());
            assertEquals(config.maxAttempts(), failed.attempts());
            assertEquals("MailConnectException: ConnectException: Connection refused", failed.lastError());

            SMTP.start();
            clock.advance(Duration.ofDays(1));
            assertEquals(0, dispatcher.dispatchDue());
            assertEquals(0, SMTP.getReceivedMessages().length);

            assertTrue(logs.messages().stream().anyMatch(m -> m.contains(id + " (advice-receipt) failed permanently")),
                    logs.messages().toString());
            assertTrue(logs.messages().stream().noneMatch(m -> m.contains(to) || m.contains("CFA-3")),
                    logs.messages().toString());
        }
    }

    private UUID enqueueReceipt(String to, String reference) {
        return tx.executeWrite(status -> outbox.enqueue("advice-receipt", to, Map.of("reference", reference)));
    }
}
