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
    void aMessageRefusedAtDataIsPermanent() {
        assertTrue(SmtpFailures.classify(new SMTPSendFailedException("DATA", 554, "5.7.1 rejected", null, null, null, null))
                .permanent());
    }

    @Test
    void aServerThatCannotBeReachedIsWorthRetryingAndNamedByExceptionClassOnly() {
        SendFailure failure = SmtpFailures.classify(
                new MessagingException("Couldn't connect to host " + ADDRESS, new ConnectException("refused")));

        assertFalse(failure.permanent());
        assertEquals("MessagingException", failure.summary());
    }

    private static SendFailedException rejected(int code) throws AddressException {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress(ADDRESS),
                "RCPT TO:<" + ADDRESS + ">", code, code + " no such user " + ADDRESS);
        return new SendFailedException("Invalid Addresses", rcpt);
    }
}
