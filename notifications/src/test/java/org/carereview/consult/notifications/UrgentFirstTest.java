package org.carereview.consult.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lead's alert and a link someone waits for go before the receipts queued ahead of them (ADR 0047). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UrgentFirstTest implements FreshDatabase {

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, TestSupport.LOCALHOST, ServerSetup.PROTOCOL_SMTP));

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    NotificationsConfiguration config;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;
    @Inject
    TemplateFiles files;

    @Override
    public Map<String, String> getProperties() {
        return TestSupport.withSmtp(FreshDatabase.super.getProperties(), SMTP_PORT);
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
    }

    @Test
    void aLeadsAlertAndASignInLinkAreSentBeforeTheReceiptsQueuedAheadOfThem() {
        List<UUID> receipts = new ArrayList<>();
        for (int i = 0; i < config.batchSize() + 5; i++) {
            receipts.add(enqueue("advice-receipt", Map.of("reference", "CFA-" + i)));
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofMinutes(5));
        UUID alert = enqueue("safeguarding-alert", Map.of("reference", "EBE-7K2Q-9XWD",
                "link", "https://review.test/staff/triage/" + UUID.randomUUID()));
        UUID link = enqueue("sign-in-link", Map.of("link", "https://review.test/sign-in/" + UUID.randomUUID()));
        clock.advance(Duration.ofSeconds(1));

        assertEquals(config.batchSize(), dispatcher.dispatchDue());

        assertEquals(NotificationStatus.State.SENT, outbox.status(alert).orElseThrow().state());
        assertEquals(NotificationStatus.State.SENT, outbox.status(link).orElseThrow().state());
        long receiptsSent = receipts.stream()
                .filter(id -> outbox.status(id).orElseThrow().state() == NotificationStatus.State.SENT).count();
        assertEquals(config.batchSize() - 2, receiptsSent, "the oldest receipts fill the rest of the batch");
        for (int i = 0; i < receiptsSent; i++) {
            assertEquals(NotificationStatus.State.SENT, outbox.status(receipts.get(i)).orElseThrow().state(),
                    "receipts keep their order behind the urgent messages");
        }
    }

    @Test
    void anUrgentMessageWaitingForItsRetryDoesNotHoldUpTheMessagesThatAreDue() {
        UUID alert = enqueue("safeguarding-alert", Map.of("reference", "EBE-7K2Q-9XWD",
                "link", "https://review.test/staff/triage/" + UUID.randomUUID()));
        TestSupport.sql(tx, "UPDATE outbox_message SET attempts = 1, next_attempt_at = now() + interval '1 hour'");
        UUID receipt = enqueue("advice-receipt", Map.of("reference", "CFA-1"));

        assertEquals(1, dispatcher.dispatchDue());

        assertEquals(NotificationStatus.State.SENT, outbox.status(receipt).orElseThrow().state());
        assertEquals(NotificationStatus.State.CREATED, outbox.status(alert).orElseThrow().state());
    }

    @Test
    void theClaimReadsTheDueIndexInItsOrderWithoutSortingTheWholeQueue() throws Exception {
        // A closing day's peak: tens of thousands of receipts waiting, a few urgent messages among them.
        TestSupport.sql(tx, """
                INSERT INTO outbox_message (template, recipient, next_attempt_at, created_at, urgent)
                SELECT CASE WHEN i % 5000 = 0 THEN 'safeguarding-alert' ELSE 'advice-receipt' END,
                       'someone' || i || '@example.org', now() - interval '1 hour' + i * interval '10 ms', now(),
                       i % 5000 = 0
                FROM generate_series(1, 40000) i""");
        TestSupport.sql(tx, "ANALYZE outbox_message");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String plan = plan(ClaimStore.CLAIM, now, config.maxAttempts(), config.batchSize(), now.plus(config.lease()),
                now.plus(config.lease()));
        assertTrue(plan.contains("outbox_message_due"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void givingUpMessagesOutOfAttemptsReadsOnlyTheDuePartOfTheDueIndex() throws Exception {
        // Sent messages, messages waiting for a retry later, and a few due now.
        TestSupport.sql(tx, """
                INSERT INTO outbox_message (template, recipient, next_attempt_at, created_at, urgent, status, sent_at)
                SELECT 'advice-receipt', 'someone' || i || '@example.org',
                       now() + CASE WHEN i % 400 = 0 THEN interval '-1 minute' ELSE i * interval '1 second' END, now(),
                       i % 800 = 0, CASE WHEN i % 2 = 0 THEN 'CREATED' ELSE 'SENT' END,
                       CASE WHEN i % 2 = 0 THEN NULL ELSE now() END
                FROM generate_series(1, 80000) i""");
        TestSupport.sql(tx, "ANALYZE outbox_message");
        String plan = plan(ClaimStore.FAIL_OUT, OffsetDateTime.now(ZoneOffset.UTC), config.maxAttempts());
        assertTrue(plan.contains("outbox_message_due"), plan);
        assertTrue(plan.matches("(?s).*Index Cond: \\(\\(urgent = ANY .* AND \\(next_attempt_at <= .*"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void everyUrgentTemplateIsOneTheServiceSends() {
        for (String template : Urgent.TEMPLATES) {
            assertTrue(files.index().containsKey(template), template);
        }
    }

    /** PostgreSQL's plan for the statement with these values. */
    private String plan(String statement, Object... values) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("EXPLAIN " + statement)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                StringBuilder lines = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                }
                return lines.toString();
            }
        });
    }

    private UUID enqueue(String template, Map<String, String> fields) {
        return tx.executeWrite(status -> outbox.enqueue(template, TestSupport.uniqueAddress("sam"), fields));
    }
}
