package org.carereview.consult.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtpFailuresTest {

    private static final String ADDRESS = "young.person@example.org";

    @Test
    void aRecipientRejectedWithA5xxReplyIsPermanentAndTheSummaryHoldsNoAddress() throws AddressException {
        SendFailure failure = SmtpFailures.classify(rejected(550));

        assertTrue(failure.permanent());
        assertEquals("SMTPAddressFailedException 550", failure.summary());
        assertFalse(failure.summary().contains(ADDRESS));
    }

    @Test
    void aRecipientRejectedWithA4xxReplyIsWorthRetrying() throws AddressException {
        SendFailure failure = SmtpFailures.classify(rejected(450));

        assertFalse(failure.permanent());
        assertEquals("SMTPAddressFailedException 450", failure.summary());
    }

    @Test
    void anAuthenticationRefusalIsOurConfigurationAndWorthRetrying() {
        SendFailure failure = SmtpFailures.classify(new SMTPSendFailedException("MAIL FROM", 530,
                "5.7.0 Authentication required", null, null, null, null));

        assertFalse(failure.permanent());
        assertEquals("SMTPSendFailedException 530", failure.summary());
    }

    @Test
    void aPolicyRefusalIsOurSettingAndWaitsForAPersonToFixIt() {
        // Postfix with no username set: "554 5.7.1 <...>: Client host rejected: Access denied", at the recipient.
        SendFailure clientRejected = SmtpFailures.classify(new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(address(), "RCPT TO", 554, "554 5.7.1 <" + ADDRESS
                        + ">: Client host rejected: Access denied")));
        SendFailure badHelo = SmtpFailures.classify(new SMTPSendFailedException("MAIL FROM", 504,
                "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname", null, null, null, null));

        assertFalse(clientRejected.permanent());
        assertEquals("SMTPAddressFailedException 554 5.7.1", clientRejected.summary());
        assertFalse(badHelo.permanent());
        assertEquals("SMTPSendFailedException 504 5.5.2", badHelo.summary());
    }

    @Test
    void aMessageTooBigOrAMailboxThatDoesNotExistIsPermanent() {
        assertTrue(SmtpFailures.classify(new SMTPSendFailedException("DATA", 552,
                "552 5.3.4 Message size exceeds fixed limit", null, null, null, null)).permanent());
        assertTrue(SmtpFailures.classify(new SMTPSendFailedException("DATA", 552, "552 too big", null, null, null, null))
                .permanent());
        assertTrue(SmtpFailures.classify(new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                address(), "RCPT TO", 550, "550 5.1.1 <" + ADDRESS + ">: Recipient address rejected"))).permanent());
    }

    @Test
    void tlsProblemsAreRetriedAndNamedByTheirRealCause() {
        SendFailure untrusted = SmtpFailures.classify(new MessagingException("Could not convert socket to TLS",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed: unable to find valid certification path")));
        SendFailure noStarttls = SmtpFailures.classify(
                new MessagingException("STARTTLS is required but host does not support STARTTLS"));

        assertFalse(untrusted.permanent());
        assertEquals("MessagingException: SSLHandshakeException: PKIX path building failed: unable to find valid "
                + "certification path", untrusted.summary());
        assertFalse(noStarttls.permanent());
        assertEquals("MessagingException: STARTTLS is required but host does not support STARTTLS", noStarttls.summary());
    }

    @Test
    void aServerThatCannotBeReachedIsWorthRetryingAndNamedByItsCauseWithoutAnyAddress() {
        SendFailure failure = SmtpFailures.classify(
                new MessagingException("Couldn't connect to host " + ADDRESS, new ConnectException("refused " + ADDRESS)));

        assertFalse(failure.permanent());
        assertEquals("MessagingException: ConnectException: refused (address)", failure.summary());
    }

    private static InternetAddress address() {
        try {
            return new InternetAddress(ADDRESS);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SendFailedException rejected(int code) throws AddressException {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress(ADDRESS),
                "RCPT TO:<" + ADDRESS + ">", code, code + " no such user " + ADDRESS);
        return new SendFailedException("Invalid Addresses", rcpt);
    }
}
