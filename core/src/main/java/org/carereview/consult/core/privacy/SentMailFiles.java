package org.carereview.consult.core.privacy;

import jakarta.inject.Singleton;
import org.carereview.consult.notifications.MailConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.UUID;

/**
 * The copies of sent emails and text messages the file senders keep when no mail service is configured (demo mode):
 * each file's name holds its outbox message's id ({@code <time>-<id>-<random>.eml} or {@code .sms.txt}), so an
 * erased message's copy goes too.
 */
@Singleton
class SentMailFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SentMailFiles.class);
    private final Path folder;

    SentMailFiles(MailConfiguration mail) {
        this.folder = Path.of(mail.folder()).toAbsolutePath().normalize();
    }

    int delete(Collection<UUID> messageIds) {
        if (messageIds.isEmpty() || !Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{eml,sms.txt}")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (messageIds.stream().anyMatch(id -> name.contains("-" + id + "-")) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            // The rows are gone; a file left behind is removed by the retention purge with the other sent copies.
            LOG.warn("Could not delete every erased email's file ({})", e.getClass().getSimpleName());
        }
        return deleted;
    }
}
