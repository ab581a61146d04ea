package org.carereview.consult.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.ExpectedNoise;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STARTTLS against a server with a certificate: with the certificate trusted the message goes, encrypted; without,
 * nothing is sent in clear text and the outbox keeps the message, with the real cause, to try again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartTlsTest implements FreshDatabase {

    static final int PORT = FreePorts.next();
    private final StartTlsSmtpServer server = startServer();
    private final OutgoingMail mail = new OutgoingMail(UUID.randomUUID(), "sam@example.org", "Your reference",
            "Your reference is CFA-TLS1-0001\n");

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;

    /** The service as configured in production: STARTTLS required, the JVM's own trust store (which lacks the test CA). */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestSupport.withSmtp(FreshDatabase.super.getProperties(), PORT);
        properties.put("consult.smtp.security", "STARTTLS");
        properties.remove("consult.smtp.starttls");
        return properties;
    }

    @Test
    void aTrustedCertificateCarriesTheMessageEncrypted() throws Exception {
        int before = server.received().size();
        SmtpSender sender = new SmtpSender(smtp(), new MimeMessages("no-reply@review.test", clock),
                StartTlsSmtpServer.trustingClients());

        sender.send(mail);

        assertEquals(before + 1, server.received().size(), "received after STARTTLS: " + server.failures());
        assertTrue(server.received().get(before).contains("CFA-TLS1-0001"));
    }

    @Test
    @ExpectedNoise("a mail server whose certificate is not trusted")
    void anUntrustedCertificateSendsNothingAndTheOutboxKeepsTheMessageWithTheRealCause() {
        int before = server.received().size();
        SmtpSender sender = new SmtpSender(smtp(), new MimeMessages("no-reply@review.test", clock));
        SendFailure refused = assertThrows(SendFailure.class, () -> sender.send(mail));
        assertFalse(refused.permanent(), "a setting to fix, not a bad message");
        assertTrue(refused.summary().contains("unable to find valid certification path"), refused.summary());

        UUID id = tx.executeWrite(status -> outbox.enqueue("advice-receipt", TestSupport.uniqueAddress("tls"),
                Map.of("reference", "CFA-TLS1-0002")));
        assertEquals(0, dispatcher.dispatchDue());
        NotificationStatus kept = outbox.status(id).orElseThrow();
        assertEquals(NotificationStatus.State.CREATED, kept.state(), "kept, to be tried again");
        assertEquals(1, kept.attempts());
        assertTrue(kept.lastError().contains("unable to find valid certification path"), kept.lastError());
        assertEquals(before, server.received().size(), "nothing went in clear text");
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private static SmtpConfiguration smtp() {
        return new SmtpConfiguration(TestSupport.LOCALHOST, PORT, null, null, SmtpConfiguration.Security.STARTTLS,
                null, null);
    }

    private static StartTlsSmtpServer startServer() {
        try {
            return new StartTlsSmtpServer(PORT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
