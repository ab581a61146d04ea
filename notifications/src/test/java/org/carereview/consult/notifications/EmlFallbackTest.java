package org.carereview.consult.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Notify or SMTP server configured: emails become .eml files in the mail folder, text messages .sms.txt files
 * beside them, and the log says where.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmlFallbackTest implements FreshDatabase {

    private Path folder;
    private CapturedLogs startupLogs;

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        try {
            folder = Files.createTempDirectory("consult-mail-").resolve("not-yet-there");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startupLogs = new CapturedLogs(); // before the context starts: the start-up line must be caught
        Map<String, String> properties = TestSupport.withSchedulerOff(FreshDatabase.super.getProperties());
        properties.put("consult.smtp.host", ""); // blank counts as unset, whatever the machine's environment says
        properties.put("consult.mail.folder", folder.toString());
        return properties;
    }

    @BeforeEach
    void reset() throws IOException {
        TestSupport.deleteAllMessages(tx);
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        startupLogs.close();
        try (Stream<Path> all = Files.walk(folder.getParent())) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void theStartUpLogSaysWhereTheFilesGo() {
        assertTrue(startupLogs.messages().contains("No GOV.UK Notify or SMTP server configured: emails and text messages are written to "
                + folder.toAbsolutePath()),
                startupLogs.messages().toString());
    }

    @Test
    void eachMessageIsWrittenAsAReadableEmlFileAndMarkedSent() throws Exception {
        String to = TestSupport.uniqueAddress("sam");
        UUID id = tx.executeWrite(s -> outbox.enqueue("advice-receipt", to, Map.of("reference", "CFA-EML1")));

        assertEquals(1, dispatcher.dispatchDue());

        List<Path> files = list();
        assertEquals(1, files.size(), "one file and no leftovers: " + files);
        Path file = files.get(0);
        assertTrue(file.getFileName().toString().endsWith(".eml"));
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(raw.contains("\r\nSubject: Thank you for your advice\r\n"), "RFC 822 headers with CRLF line ends");
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals(to, mail.getAllRecipients()[0].toString());
            assertEquals("Thank you for your advice", mail.getSubject());
            assertTrue(((String) mail.getContent()).contains("Your reference is: CFA-EML1"));
            assertTrue(mail.getContentType().toLowerCase().contains("charset=utf-8"), mail.getContentType());
        }
        assertEquals(NotificationStatus.State.SENT, outbox.status(id).orElseThrow().state());
    }

    @Test
    void aTextMessageIsWrittenAsAFileWithItsNumberAndBodyOnly() throws IOException {
        UUID id = tx.executeWrite(s -> outbox.enqueueText("ebe-receipt-sms", "07700 900123",
                Map.of("reference", "EBE-TXT1", "closingDate", "1 April 2025")));

        assertEquals(1, dispatcher.dispatchDue());

        List<Path> files = list();
        assertEquals(1, files.size(), "one file and no leftovers: " + files);
        assertTrue(files.get(0).getFileName().toString().endsWith(".sms.txt"), files.toString());
        String text = Files.readString(files.get(0), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("To: +447700900123\n\nIndependent review"), text);
        assertTrue(text.contains("Your reference is EBE-TXT1."), text);
        assertEquals(NotificationStatus.State.SENT, outbox.status(id).orElseThrow().state());
    }

    @Test
    void twoMessagesBecomeTwoFiles() throws IOException {
        tx.executeWrite(s -> {
            outbox.enqueue("sign-in-link", TestSupport.uniqueAddress("a"), Map.of("link", "https://consult.test/l/1"));
            outbox.enqueue("sign-in-link", TestSupport.uniqueAddress("b"), Map.of("link", "https://consult.test/l/2"));
            return null;
        });

        assertEquals(2, dispatcher.dispatchDue());

        assertEquals(2, list().size());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
