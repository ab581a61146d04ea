package org.carereview.consult.notifications;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message both senders deliver, and the stream provider named so jakarta.mail need not search for it. */
class MimeMessagesTest {

    private final MutableClock clock = new MutableClock(TestClockFactory.START);

    @Test
    void namesJakartaMailsStreamProviderSoEncodingSkipsTheServiceLoader() {
        new MimeMessages("no-reply@review.test", clock);

        assertEquals(MimeMessages.ANGUS_STREAM_PROVIDER, System.getProperty(MimeMessages.STREAM_PROVIDER));
        // A name that did not load would stop every email: the provider jakarta.mail now makes is the named one.
        assertEquals(MimeMessages.ANGUS_STREAM_PROVIDER, StreamProvider.provider().getClass().getName());
    }

    @Test
    void aMessageWithAnAccentedSubjectIsWrittenWithTheNamedProvider() throws Exception {
        MimeMessages messages = new MimeMessages("Children's review <no-reply@review.test>", clock);
        OutgoingMail mail = new OutgoingMail(UUID.randomUUID(), "sam@example.org", "Café receipt", "Thank you, Zoë\n");

        MimeMessage message = messages.build(Session.getInstance(new Properties()), mail);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(written);

        String raw = written.toString(StandardCharsets.US_ASCII);
        assertTrue(raw.contains("Subject: =?UTF-8?"), "the subject is encoded: " + raw);
        assertEquals("Thank you, Zoë\n", message.getContent().toString().replace("\r\n", "\n"));
        assertTrue(raw.contains("Message-ID: <" + mail.id() + "@review.test>"), raw);
    }
}
