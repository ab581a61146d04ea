package org.carereview.consult.notifications;

import org.carereview.consult.db.ExpectedNoise;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures that retrying cannot mend: no retries, and no address in the record or the log. */
@ExpectedNoise("mail servers and templates that refuse a message for good")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermanentRejectionTest implements FreshDatabase {

    private RejectingSmtpServer server;

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        int port = FreePorts.next();
        try {
            server = new RejectingSmtpServer(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestSupport.withSmtp(FreshDatabase.super.getProperties(), port);
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
    }

    @AfterAll
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void aRecipientRejectedWith550FailsPermanentlyAtTheFirstAttempt() {
        String to = TestSupport.uniqueAddress("gone");
        UUID id = tx.executeWrite(s -> outbox.enqueue("advice-receipt", to, Map.of("reference", "CFA-GONE")));

        try (CapturedLogs logs = new CapturedLogs()) {
            assertEquals(0, dispatcher.dispatchDue());

            NotificationStatus failed = outbox.status(id).orElseThrow();
            assertEquals(NotificationStatus.State.FAILED_PERMANENTLY, failed.state());
            assertEquals(1, failed.attempts());
            assertEquals("SMTPAddressFailedException 550 5.1.1", failed.lastError());
            assertFalse(failed.lastError().contains(to));
            assertEquals(1, server.rejectedRecipients());
            assertTrue(logs.messages().stream().noneMatch(m -> m.contains(to)), logs.messages().toString());
        }
    }

    @Test
    void aMessageWhoseTemplateCannotBeRenderedFailsAtOnce() {
        Instant now = TestClockFactory.START;
        TestSupport.sql(tx, "INSERT INTO outbox_message (template, recipient, next_attempt_at, created_at) "
                + "VALUES ('retired-template', 'sam@example.org', '" + now + "', '" + now + "')");

        assertEquals(0, dispatcher.dispatchDue());

        NotificationStatus failed = outbox.statusesFor("sam@example.org").get(0);
        assertEquals(NotificationStatus.State.FAILED_PERMANENTLY, failed.state());
        assertEquals(1, failed.attempts());
        assertEquals("TemplateError", failed.lastError());
    }
}
