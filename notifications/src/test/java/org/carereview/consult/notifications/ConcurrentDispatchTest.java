package org.carereview.consult.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.carereview.consult.db.FreePorts;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several dispatchers (several nodes) working the same outbox at once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentDispatchTest implements FreshDatabase {

    static final int SMTP_PORT = FreePorts.next();
    private static final int MESSAGES = 60;
    private static final Pattern REFERENCE = Pattern.compile("Your reference is: (RACE-\\d+)");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, TestSupport.LOCALHOST, ServerSetup.PROTOCOL_SMTP));

    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    MutableClock clock;

    private Map<String, String> database;

    @Override
    public Map<String, String> getProperties() {
        database = FreshDatabase.super.getProperties();
        return TestSupport.withSmtp(database, SMTP_PORT);
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
    }

    @Test
    @Timeout(120)
    void twoDispatchersRacingOverTheSameDueMessagesSendEachExactlyOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        tx.executeWrite(status -> {
            for (int i = 0; i < MESSAGES; i++) {
                String to = TestSupport.uniqueAddress("racer" + i);
                recipients.add(to);
                outbox.enqueue("advice-receipt", to, Map.of("reference", "RACE-" + i));
            }
            return null;
        });
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> node = () -> {
            start.await(30, TimeUnit.SECONDS);
            int sent = 0;
            for (int n = dispatcher.dispatchDue(); n > 0; n = dispatcher.dispatchDue()) {
                sent += n;
            }
            return sent;
        };

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(node);
            Future<Integer> second = pool.submit(node);
            assertEquals(MESSAGES, first.get(90, TimeUnit.SECONDS) + second.get(90, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(MESSAGES, received.length);
        List<String> references = new ArrayList<>();
        for (MimeMessage mail : received) {
            Matcher m = REFERENCE.matcher((String) mail.getContent());
            assertTrue(m.find());
            references.add(m.group(1));
        }
        assertEquals(MESSAGES, references.stream().distinct().count(), "no reference twice");
        for (String to : recipients) {
            NotificationStatus status = outbox.statusesFor(to).get(0);
            assertEquals(NotificationStatus.State.SENT, status.state());
            assertEquals(1, status.attempts(), "claimed once only");
        }
    }

    @Test
    @Timeout(60)
    void aMessageLockedByAnotherNodesClaimIsSkippedNotWaitedFor() throws Exception {
        tx.executeWrite(s -> outbox.enqueue("advice-receipt", TestSupport.uniqueAddress("sam"), Map.of("reference", "L-1")));

        try (Connection otherNode = DriverManager.getConnection(database.get("datasources.default.url"),
                database.get("datasources.default.username"), database.get("datasources.default.password"))) {
            otherNode.setAutoCommit(false);
            try (Statement s = otherNode.createStatement();
                 ResultSet locked = s.executeQuery("SELECT id FROM outbox_message FOR UPDATE")) {
                assertTrue(locked.next());
            }

            ExecutorService thisNode = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> sent = thisNode.submit(dispatcher::dispatchDue);
                // Waiting on the lock would time out here; the finally below then releases it.
                assertEquals(0, sent.get(10, TimeUnit.SECONDS), "returns at once, without the locked row");
            } finally {
                otherNode.rollback();
                thisNode.shutdown();
            }
        }
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }
}
