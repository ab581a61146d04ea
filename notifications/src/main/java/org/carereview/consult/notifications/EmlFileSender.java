package org.carereview.consult.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.util.CRLFOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;

/**
 * With no SMTP server, writes each message as an RFC 822 {@code .eml} file (CRLF line ends, UTF-8 text) into a
 * folder: written to a temporary name first, then moved into place, so a reader never sees half a message.
 */
final class EmlFileSender implements MailSender {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final MimeMessages messages;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    EmlFileSender(Path folder, String from, Clock clock) {
        this(folder, new MimeMessages(from, clock), clock);
    }

    EmlFileSender(Path folder, MimeMessages messages, Clock clock) {
        this.folder = folder;
        this.messages = messages;
        this.clock = clock;
    }

    Path folder() {
        return folder;
    }

    @Override
    public void send(OutgoingMail mail) throws SendFailure {
        Path temporary = null;
        try {
            var message = messages.build(session, mail);
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, ".writing-", ".tmp");
            try (OutputStream out = new CRLFOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                message.writeTo(out);
            }
            String unique = UUID.randomUUID().toString().substring(0, 8);
            String name = STAMP.format(clock.instant()) + "-" + mail.id() + "-" + unique + ".eml";
            Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (MessagingException e) {
            deleteQuietly(temporary);
            throw SmtpFailures.classify(e);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new SendFailure(e.getClass().getSimpleName(), false);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            temporary.toFile().deleteOnExit();
        }
    }
}
