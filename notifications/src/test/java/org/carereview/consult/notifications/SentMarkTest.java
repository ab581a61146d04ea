package org.carereview.consult.notifications;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sent mark's transaction commits without waiting for the disk, and leaves the connection it ran on as durable as
 * before: the next transaction on that pooled connection may be a child's submission.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentMarkTest implements FreshDatabase {

    @Inject
    Outbox outbox;
    @Inject
    Claims claims;
    @Inject
    ClaimStore store;
    @Inject
    NotificationsConfiguration config;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    ConnectionOperations<Connection> connections;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return TestSupport.withSchedulerOff(FreshDatabase.super.getProperties());
    }

    @BeforeEach
    void reset() {
        TestSupport.deleteAllMessages(tx);
        clock.set(TestClockFactory.START);
    }

    @Test
    void theConnectionIsDurableAgainOnceTheMarkHasCommitted() {
        UUID id = enqueue();
        Claims.Claimed claim = claimOne();
        String after = connections.executeWrite(status -> {
            // The test database's server does not wait for the disk at all; a production server does.
            run(status.getConnection(), "SET synchronous_commit = on");
            try {
                assertTrue(claims.markSent(claim, clock.instant()), "the claim is still this dispatcher's");
                return setting(status.getConnection());
            } finally {
                run(status.getConnection(), "RESET synchronous_commit");
            }
        });
        assertEquals("on", after, "synchronous_commit on the connection once the mark has committed");
        assertEquals(NotificationStatus.State.SENT, outbox.status(id).orElseThrow().state(),
                "committed: read on another connection");
    }

    @Test
    void theMarkStatementTurnsWaitingForTheDiskOffForItsOwnTransaction() {
        enqueue();
        Claims.Claimed claim = claimOne();
        String during = tx.executeWrite(status -> {
            run(status.getConnection(), "SET LOCAL synchronous_commit = on");
            assertTrue(store.markSent(claim.id(), claim.attempts(), clock.instant()));
            String setting = setting(status.getConnection());
            status.setRollbackOnly();
            return setting;
        });
        assertEquals("off", during, "the statement itself sets synchronous_commit for the transaction it runs in");
    }

    private Claims.Claimed claimOne() {
        return claims.claim(clock.instant(), clock.instant().plus(config.lease()), 1, config.maxAttempts()).get(0);
    }

    private UUID enqueue() {
        return tx.executeWrite(s -> outbox.enqueue("sign-in-link", TestSupport.uniqueAddress("mark"),
                Map.of("link", "https://consult.test/l/" + UUID.randomUUID())));
    }

    private static void run(Connection connection, String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String setting(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('synchronous_commit')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
