package org.carereview.consult.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtpSenderTest {

    static final int SMTP_PORT = FreePorts.next();
    static final int POLICY_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, TestSupport.LOCALHOST, ServerSetup.PROTOCOL_SMTP));

    private final MutableClock clock = new MutableClock(TestClockFactory.START);
    private final OutgoingMail mail = new OutgoingMail(UUID.randomUUID(), "sam@example.org", "Hi", "Personal text\n");

    @Test
    void withStarttlsRequiredAServerWithoutTlsGetsNothingInClearText() {
        SmtpSender sender = new SmtpSender(smtp(SmtpConfiguration.Security.STARTTLS),
                "no-reply@review.test", clock);

        SendFailure failure = assertThrows(SendFailure.class, () -> sender.send(mail));

        assertFalse(failure.permanent(), "a configuration problem: worth retrying once it is fixed");
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void withEncryptionOffThePlainServerReceivesTheMessage() throws Exception {
        SmtpSender sender = new SmtpSender(smtp(SmtpConfiguration.Security.NONE), "no-reply@review.test", clock);

        sender.send(mail);

        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void opportunisticEncryptionSendsToAServerThatOffersNoTls() throws Exception {
        SmtpSender sender = new SmtpSender(smtp(SmtpConfiguration.Security.OPPORTUNISTIC), "no-reply@review.test", clock);

        sender.send(mail);

        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void theOlderStarttlsFalseNowMeansOpportunisticNotNever() {
        assertEquals(SmtpConfiguration.Security.OPPORTUNISTIC,
                new SmtpConfiguration("smtp.review.test", 587, null, null, null, false, null).effectiveSecurity());
        assertEquals(SmtpConfiguration.Security.STARTTLS,
                new SmtpConfiguration("smtp.review.test", 587, null, null, null, null, null).effectiveSecurity());
        assertEquals(SmtpConfiguration.Security.NONE, new SmtpConfiguration("smtp.review.test", 587, null, null,
                SmtpConfiguration.Security.NONE, true, null).effectiveSecurity());
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByteSoAPlainServerGetsNothing() {
        SmtpSender sender = new SmtpSender(smtp(SmtpConfiguration.Security.SMTPS), "no-reply@review.test", clock);

        SendFailure failure = assertThrows(SendFailure.class, () -> sender.send(mail));

        assertFalse(failure.permanent());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void aPolicyRefusalAtTheRecipientIsRetriedAndTheConfiguredEhloNameIsSent() throws Exception {
        try (RejectingSmtpServer server = new RejectingSmtpServer(POLICY_PORT,
                "554 5.7.1 <sam@example.org>: Client host rejected: Access denied")) {
            SmtpSender sender = new SmtpSender(new SmtpConfiguration(TestSupport.LOCALHOST, POLICY_PORT, null, null,
                    SmtpConfiguration.Security.NONE, null, "mail.review.test"), "no-reply@review.test", clock);

            SendFailure failure = assertThrows(SendFailure.class, () -> sender.send(mail));

            assertFalse(failure.permanent(), "a setting of ours, not the message: retried until someone fixes it");
            assertEquals("SMTPAddressFailedException 554 5.7.1", failure.summary());
            assertEquals("EHLO mail.review.test", server.lastGreeting());
        }
    }

    @Test
    void aBatchSendsItsMessagesOverOneConnectionAndEachLoneSendOpensItsOwn() throws Exception {
        try (RejectingSmtpServer server = new RejectingSmtpServer(POLICY_PORT, "250 2.1.5 OK")) {
            SmtpSender sender = new SmtpSender(new SmtpConfiguration(TestSupport.LOCALHOST, POLICY_PORT, null, null,
                    SmtpConfiguration.Security.NONE, null, null), "no-reply@review.test", clock);

            try (MailSender.Batch batch = sender.batch()) {
                for (int i = 0; i < 3; i++) {
                    batch.send(new OutgoingMail(UUID.randomUUID(), "sam" + i + "@example.org", "Hi", "Text\n"));
                }
            }
            sender.send(mail);
            sender.send(mail);

            assertEquals(5, server.accepted());
            assertEquals(3, server.greetings(), "one connection for the batch of three, one for each lone send");
        }
    }

    @Test
    void aBatchGoesOnAfterARefusedRecipientOverAFreshConnection() throws Exception {
        try (RejectingSmtpServer server = new RejectingSmtpServer(POLICY_PORT)) {
            SmtpSender sender = new SmtpSender(new SmtpConfiguration(TestSupport.LOCALHOST, POLICY_PORT, null, null,
                    SmtpConfiguration.Security.NONE, null, null), "no-reply@review.test", clock);

            try (MailSender.Batch batch = sender.batch()) {
                assertTrue(assertThrows(SendFailure.class, () -> batch.send(mail)).permanent());
                assertTrue(assertThrows(SendFailure.class, () -> batch.send(mail)).permanent());
            }

            assertEquals(2, server.rejectedRecipients());
            assertEquals(2, server.greetings());
        }
    }

    @Test
    void aSenderNameThatIsNotAsciiIsEncodedInTheHeaderAndAReplyToIsSet() throws Exception {
        MimeMessages messages = new MimeMessages("Adolygiad Gofal – Care Review <no-reply@review.test>",
                "care.review@review.test", clock);

        jakarta.mail.internet.MimeMessage message = messages.build(
                jakarta.mail.Session.getInstance(new java.util.Properties()), mail);

        String from = message.getHeader("From", null);
        assertTrue(from.chars().allMatch(c -> c < 128), from);
        assertTrue(from.contains("=?UTF-8?"), from);
        assertEquals("Adolygiad Gofal – Care Review",
                ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getPersonal());
        assertEquals("care.review@review.test", ((jakarta.mail.internet.InternetAddress) message.getReplyTo()[0]).getAddress());
    }

    private static SmtpConfiguration smtp(SmtpConfiguration.Security security) {
        return new SmtpConfiguration(TestSupport.LOCALHOST, SMTP_PORT, null, null, security, null, null);
    }
}
