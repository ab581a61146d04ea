package org.carereview.consult.notifications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * With no GOV.UK Notify, in the demo or when files are meant: writes each text message as a {@code .sms.txt} file
 * ({@code To:} line, a blank line, the text) beside the {@code .eml} files; written to a temporary name first, then
 * moved into place, so a reader never sees half a message.
 */
final class TextFileSender implements TextSender {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;

    TextFileSender(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingText text) throws SendFailure {
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, ".writing-", ".tmp");
            Files.writeString(temporary, "To: " + text.to() + "\n\n" + text.body(), StandardCharsets.UTF_8);
            String unique = UUID.randomUUID().toString().substring(0, 8);
            String name = STAMP.format(clock.instant()) + "-" + text.id() + "-" + unique + ".sms.txt";
            Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new SendFailure(e.getClass().getSimpleName(), false);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            temporary.toFile().deleteOnExit();
        }
    }
}
