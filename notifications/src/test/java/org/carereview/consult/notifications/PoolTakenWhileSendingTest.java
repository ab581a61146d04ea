package org.carereview.consult.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At a peak the people sending take every connection in the pool. A message the dispatcher has sent must still be
 * marked sent, or it goes again when its claim runs out: the receipt would reach the child twice. The dispatcher
 * keeps the connection it claimed with until its batch is marked.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolTakenWhileSendingTest implements FreshDatabase {

    static final FakeNotify NOTIFY = FakeNotify.started();

    @Inject Outbox outbox;
    @Inject Dispatcher dispatcher;
    @Inject TransactionOperations<Connection> tx;
    @Inject MutableClock clock;
    @Inject DataSource dataSource;

    private final List<Connection> taken = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestSupport.withNotify(FreshDatabase.super.getProperties(),
                NOTIFY));
        properties.put("datasources.default.maximum-pool-size", "3");
        // Long enough for the pool to open a connection on a busy machine, so the test surely takes what is left.
        properties.put("datasources.default.connection-timeout", "1000");
        return properties;
    }

    @AfterEach
    void giveBackThePool() throws SQLException {
        synchronized (taken) {
            for (Connection c : taken) {
                c.close();
            }
            taken.clear();
        }
    }

    @AfterAll
    void stop() {
        NOTIFY.close();
    }

    @Test
    void aMessageSentWhileRequestsHoldEveryConnectionIsMarkedSentAndNotSentAgain() throws SQLException {
        List<UUID> ids = List.of(enqueue("CFA-AAAA"), enqueue("CFA-BBBB"));
        NOTIFY.whileAnswering(() -> {
            synchronized (taken) {
                TestSupport.takeEveryFreeConnection(dataSource, taken);
            }
        });

        assertEquals(2, dispatcher.dispatchDue(), "both sent while the pool was taken");
        assertTrue(!taken.isEmpty(), "while sending, the test took what the pool had left");
        giveBackThePool();
        for (UUID id : ids) {
            NotificationStatus status = outbox.status(id).orElseThrow();
            assertEquals(NotificationStatus.State.SENT, status.state(), "marked sent: " + id);
        }
        clock.advance(Duration.ofDays(1));
        assertEquals(0, dispatcher.dispatchDue(), "nothing claimed again once the claims ran out");
        assertEquals(2, NOTIFY.received("email").size(), "each receipt went once");
    }

    private UUID enqueue(String reference) {
        return tx.executeWrite(status -> outbox.enqueue("advice-receipt", TestSupport.uniqueAddress("pool"),
                Map.of("reference", reference)));
    }
}
