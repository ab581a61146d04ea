package org.carereview.consult.notifications;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmlFileSenderTest {

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(TestClockFactory.START);

    @Test
    void textBeyondAsciiSurvivesTheRoundTripInSubjectAndBody() throws Exception {
        EmlFileSender sender = new EmlFileSender(temp, "Adolygiad annibynnol <no-reply@review.test>", clock);
        String subject = "Diolch, Siân – your advice’s reference";
        String body = "Helô Siân,\nZoë’s café said “thank you” – 10 €.\n";

        sender.send(new OutgoingMail(UUID.randomUUID(), "sian@example.org", subject, body));

        try (InputStream in = Files.newInputStream(only(temp))) {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals(subject, mail.getSubject());
            assertEquals(body.replace("\n", "\r\n"), mail.getContent());
            assertTrue(mail.getFrom()[0].toString().contains("no-reply@review.test"));
            assertEquals(TestClockFactory.START, mail.getSentDate().toInstant());
        }
    }

    @Test
    void theFolderIsCreatedWhenTheFirstMessageIsWritten() throws Exception {
        Path nested = temp.resolve("a/b");
        EmlFileSender sender = new EmlFileSender(nested, "no-reply@localhost", clock);

        sender.send(new OutgoingMail(UUID.randomUUID(), "sam@example.org", "Hi", "Body\n"));

        assertTrue(only(nested).getFileName().toString().endsWith(".eml"));
    }

    @Test
    void theSameMessageWrittenTwiceMakesTwoFilesNotOne() throws Exception {
        EmlFileSender sender = new EmlFileSender(temp, "no-reply@localhost", clock);
        OutgoingMail mail = new OutgoingMail(UUID.randomUUID(), "sam@example.org", "Hi", "Body\n");

        sender.send(mail);
        sender.send(mail);

        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(2, files.count());
        }
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
