package org.carereview.consult.core.ratelimit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes share one count in the database; each knows which windows are full from its own counts. A window another
 * node filled is still refused here, after the post's work (rolled back with its transaction), and from then on
 * before any work.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimiterNodesTest implements FreshDatabase {

    @Inject RateLimiter nodeA;
    @Inject RateLimitStore store;
    @Inject BucketKeys keys;
    @Inject RateLimitConfiguration config;
    @Inject Clock clock;
    @Inject DataSource dataSource;
    @Inject TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.rate-limit-per-minute", "5");
        properties.put("consult.rate-limit.purge.enabled", "false");
        return properties;
    }

    @Test
    void aWindowAnotherNodeFilledIsRefusedAfterTheWorkOnceThenBeforeIt() {
        RateLimiter nodeB = new RateLimiter(store, keys, config, clock);
        List<String> work = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tx.executeWrite(s -> nodeA.counted("public-post", "198.51.100.7", () -> work.add("A")));
        }
        assertThrows(RateLimitedException.class,
                () -> nodeA.counted("public-post", "198.51.100.7", () -> work.add("A")));
        assertEquals(5, work.size(), "node A counted the window full and refuses before any work");

        assertThrows(RateLimitedException.class, () -> tx.executeWrite(s -> nodeB.counted("public-post",
                "198.51.100.7", () -> work.add("B"))));
        assertEquals(List.of("B"), work.subList(5, work.size()), "node B did the work, then its count refused it");
        assertEquals(5L, TestSql.count(dataSource, "SELECT sum(hits) FROM rate_limit"), "and the refusal rolled back");

        assertThrows(RateLimitedException.class, () -> nodeB.counted("public-post", "198.51.100.7",
                () -> work.add("B again")));
        assertEquals(6, work.size(), "now node B refuses before any work too");
        assertFalse(nodeB.full("public-post", "198.51.100.8", clock.instant()), "another address has room");
    }

    @Test
    void onlyTheWindowThatFilledIsFullAndEndedWindowsAreForgottenWhenManyAreKept() {
        FullWindows windows = new FullWindows();
        Instant minute = Instant.parse("2027-01-11T10:15:00Z");
        windows.filled("k", minute);
        assertTrue(windows.isFull("k", minute));
        assertFalse(windows.isFull("k", minute.plusSeconds(60)), "the next minute starts with room");
        assertFalse(windows.isFull("other", minute));
        for (int i = 1; i < FullWindows.SWEEP_AT; i++) {
            windows.filled("old" + i, minute);
        }
        assertEquals(FullWindows.SWEEP_AT, windows.size());
        windows.filled("new", minute.plusSeconds(60));
        assertEquals(1, windows.size(), "the ended minute's keys are gone, the new one kept");
        assertTrue(windows.isFull("new", minute.plusSeconds(60)));
    }
}
