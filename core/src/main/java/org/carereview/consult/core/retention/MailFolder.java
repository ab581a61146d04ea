package org.carereview.consult.core.retention;

import jakarta.inject.Singleton;
import org.carereview.consult.notifications.MailConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The {@code .eml} and {@code .sms.txt} files the file senders write when no mail service is configured (demo
 * mode): copies of sent emails and text messages, so they go when the outbox rows do. Each name starts with its sending time by the application's
 * clock ({@code 20270101T120000Z-...}), which is what is compared, not the file system's time.
 */
@Singleton
class MailFolder {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;

    MailFolder(MailConfiguration mail) {
        this.folder = Path.of(mail.folder()).toAbsolutePath().normalize();
    }

    int deleteSentBefore(Instant cutoff) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{eml,sms.txt}")) {
            for (Path file : files) {
                Instant sent = sentAt(file.getFileName().toString());
                if (sent != null && sent.isBefore(cutoff) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    private static Instant sentAt(String name) {
        if (name.length() < 16) {
            return null;
        }
        try {
            return STAMP.parse(name.substring(0, 16), Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
