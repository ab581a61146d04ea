package org.carereview.consult.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SmtpSenderTest {

    static final int SMTP_PORT = TestSupport.freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, TestSupport.LOCALHOST, ServerSetup.PROTOCOL_SMTP));

    private final MutableClock clock = new MutableClock(TestClockFactory.START);
    private final OutgoingMail mail = new OutgoingMail(UUID.randomUUID(), "sam@example.org", "Hi", "Personal text\n");

    @Test
    void withStarttlsRequiredAServerWithoutTlsGetsNothingInClearText() {
        SmtpSender sender = new SmtpSender(new SmtpConfiguration(TestSupport.LOCALHOST, SMTP_PORT, null, null, true),
                "no-reply@review.test", clock);

        SendFailure failure = assertThrows(SendFailure.class, () -> sender.send(mail));

        assertFalse(failure.permanent(), "a configuration problem: worth retrying once it is fixed");
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void withStarttlsOffThePlainServerReceivesTheMessage() throws Exception {
        SmtpSender sender = new SmtpSender(new SmtpConfiguration(TestSupport.LOCALHOST, SMTP_PORT, null, null, false),
                "no-reply@review.test", clock);

        sender.send(mail);

        assertEquals(1, SMTP.getReceivedMessages().length);
    }
}
