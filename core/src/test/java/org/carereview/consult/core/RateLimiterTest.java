package org.carereview.consult.core;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.ratelimit.RateLimitedException;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.TestClock;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared per-minute counters, against real PostgreSQL, with a clock the tests move. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimiterTest implements FreshDatabase {

    /** Twenty seconds into a minute: forty seconds of the window are left. */
    static final Instant START = Instant.parse("2027-01-11T10:15:20Z");

    /** The properties every rate-limit test class starts from: a fresh database, the movable clock. */
    static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put(TestClock.PROPERTY, START.toString());
        properties.put("consult.rate-limit.purge.enabled", "false");
        return properties;
    }

    @Inject
    RateLimiter limiter;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    private int hour;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = properties();
        properties.put("consult.rate-limit-per-minute", "30");
        return properties;
    }

    /** Each test starts twenty seconds into a minute no other test has used. */
    @BeforeEach
    void freshMinute() {
        clock.set(START.plus(Duration.ofHours(++hour)));
    }

    @Test
    void theThirtyFirstHitInAMinuteIsRefusedWithTheSecondsLeftInTheWindow() {
        assertEquals(30, limiter.limitPerMinute());
        for (int i = 0; i < 30; i++) {
            assertDoesNotThrow(() -> limiter.check("advice", "192.0.2.10"));
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> limiter.check("advice", "192.0.2.10"));
        assertEquals(40, refused.retryAfterSeconds());

        clock.advance(Duration.ofMillis(29_500));
        assertEquals(11, assertThrows(RateLimitedException.class, () -> limiter.check("advice", "192.0.2.10"))
                .retryAfterSeconds(), "10.5 seconds left is rounded up");
        clock.advance(Duration.ofMillis(10_000));
        assertEquals(1, assertThrows(RateLimitedException.class, () -> limiter.check("advice", "192.0.2.10"))
                .retryAfterSeconds(), "never less than one second");
    }

    @Test
    void aNewMinuteStartsAfresh() {
        for (int i = 0; i < 30; i++) {
            limiter.check("new-minute", "192.0.2.11");
        }
        assertThrows(RateLimitedException.class, () -> limiter.check("new-minute", "192.0.2.11"));

        clock.advance(Duration.ofSeconds(40));
        assertDoesNotThrow(() -> limiter.check("new-minute", "192.0.2.11"), "the next window starts at the minute");
        assertEquals(List.of("31", "1"), hitsOf("new-minute"), "the refused hit was counted, in its own window");
    }

    @Test
    void aPostAtTheVeryStartOfAMinuteWaitsTheWholeMinute() {
        clock.set(clock.instant().minusSeconds(20));
        limiter.check("exact", "192.0.2.12", 1);
        assertEquals(60, assertThrows(RateLimitedException.class, () -> limiter.check("exact", "192.0.2.12", 1))
                .retryAfterSeconds());
    }

    @Test
    void twoAddressesHaveSeparateBudgets() {
        for (int i = 0; i < 30; i++) {
            limiter.check("advice", "192.0.2.20");
        }
        assertThrows(RateLimitedException.class, () -> limiter.check("advice", "192.0.2.20"));
        assertDoesNotThrow(() -> limiter.check("advice", "192.0.2.21"));
        assertDoesNotThrow(() -> limiter.check("other-form", "192.0.2.20"), "and so do two buckets");
    }

    @Test
    void addressesInOneIpv6Slash64ShareABudgetAndOtherNetworksDoNot() {
        limiter.check("v6", "2001:db8:1:2::1", 2);
        limiter.check("v6", "2001:0db8:0001:0002:ffff:0:0:9", 2);
        assertThrows(RateLimitedException.class, () -> limiter.check("v6", "2001:db8:1:2:abcd::5", 2),
                "one household's /64 is one client");
        assertDoesNotThrow(() -> limiter.check("v6", "2001:db8:1:3::1", 2));
    }

    @Test
    void aBucketCanHaveAStricterLimitOfItsOwn() {
        for (int i = 0; i < 5; i++) {
            limiter.check("resume-code", "192.0.2.30", 5);
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> limiter.check("resume-code", "192.0.2.30", 5));
        assertEquals(40, refused.retryAfterSeconds());
        assertDoesNotThrow(() -> limiter.check("advice", "192.0.2.30"), "the address's other buckets are untouched");
    }

    @Test
    void aBucketLimitOfZeroTurnsThatBucketOffAndWritesNothing() {
        for (int i = 0; i < 100; i++) {
            limiter.check("unlimited", "192.0.2.40", 0);
        }
        assertEquals(List.of(), hitsOf("unlimited"));
    }

    @Test
    void theRawAddressNeverAppearsInTheTable() {
        List<String> addresses = List.of("203.0.113.7", "2001:db8:77::7", "198.51.100.250");
        for (String address : addresses) {
            limiter.check("privacy", address);
        }
        List<String> buckets = TestSql.column(dataSource, "SELECT bucket FROM rate_limit WHERE bucket LIKE 'privacy:%'");
        assertEquals(3, buckets.size());
        for (String bucket : buckets) {
            assertTrue(bucket.matches("privacy:[0-9a-f]{32}"), bucket);
            for (String address : addresses) {
                assertFalse(bucket.contains(address), "raw address in " + bucket);
                assertFalse(bucket.contains(sha256(address).substring(0, 16)),
                        "an unkeyed hash can be reversed by hashing every address: " + bucket);
            }
        }
    }

    @Test
    void concurrentHitsFromEightThreadsAreCountedExactly() throws Exception {
        List<Boolean> outcomes = hitConcurrently("together", "192.0.2.50", 1_000, 8, 25);
        assertEquals(200, outcomes.stream().filter(ok -> ok).count());
        assertEquals(List.of("200"), hitsOf("together"), "no update was lost");
    }

    @Test
    void concurrentHitsLetExactlyTheLimitThrough() throws Exception {
        List<Boolean> outcomes = hitConcurrently("race", "192.0.2.51", 30, 8, 5);
        assertEquals(30, outcomes.stream().filter(ok -> ok).count(), "accepted");
        assertEquals(10, outcomes.stream().filter(ok -> !ok).count(), "refused");
        assertEquals(List.of("40"), hitsOf("race"));
    }

    @Test
    void aPostCountedAfterItsWorkDoesNotHoldUpAnotherFromTheSameAddressWhileItWorks() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> slow = pool.submit(() -> tx.executeWrite(s -> limiter.counted("shared", "192.0.2.70", () -> {
                working.countDown();
                await(release);
                return 1;
            })));
            assertTrue(working.await(10, TimeUnit.SECONDS));
            Future<Integer> quick = pool.submit(() -> tx.executeWrite(s -> limiter.counted("shared", "192.0.2.70", () -> 2)));
            assertEquals(2, quick.get(10, TimeUnit.SECONDS), "counted and committed while the first is still working");
            release.countDown();
            assertEquals(1, slow.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("2"), hitsOf("shared"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aFullWindowRefusesAPostBeforeItsWorkAndAFailedPostLeavesNoCount() {
        assertThrows(IllegalStateException.class, () -> tx.executeWrite(s -> limiter.counted("full", "192.0.2.71",
                () -> {
                    throw new IllegalStateException("the post failed");
                })));
        assertEquals(List.of(), hitsOf("full"), "a failed post is not counted");
        for (int i = 0; i < 30; i++) {
            limiter.check("full", "192.0.2.71");
        }
        List<String> done = new ArrayList<>();
        assertThrows(RateLimitedException.class, () -> tx.executeWrite(s -> limiter.counted("full", "192.0.2.71",
                () -> done.add("worked"))));
        assertEquals(List.of(), done, "no work for a post the window has no room for");
        assertEquals(List.of("30"), hitsOf("full"), "and no count");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePurgeDeletesWindowsOlderThanTenMinutesOnly() {
        limiter.check("purge", "192.0.2.60");
        clock.advance(Duration.ofMinutes(9));
        limiter.check("purge", "192.0.2.60");
        clock.advance(Duration.ofMinutes(2));

        int deleted = limiter.purgeExpired();

        assertTrue(deleted >= 1, "the eleven-minute-old window goes");
        assertEquals(List.of("1"), hitsOf("purge"), "the two-minute-old window stays");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM rate_limit WHERE window_start < ?::timestamptz",
                clock.instant().minus(Duration.ofMinutes(10)).toString()));
    }

    @Test
    void withoutTrustTheClientAddressIsTheConnectionsPeerNotAForwardedHeader() {
        HttpRequest<?> request = HttpRequest.GET("http://192.0.2.70/api/v1/anything")
                .header("X-Forwarded-For", "198.51.100.1");
        assertEquals("192.0.2.70", limiter.clientAddress(request));
    }

    private List<String> hitsOf(String bucket) {
        return TestSql.column(dataSource, "SELECT hits FROM rate_limit WHERE bucket LIKE ? ORDER BY window_start",
                bucket + ":%");
    }

    /** Every thread waits at one gate, then hits as fast as it can; answers each hit's outcome. */
    private List<Boolean> hitConcurrently(String bucket, String address, int limit, int threads, int hitsEach)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Callable<List<Boolean>>> calls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                calls.add(() -> {
                    assertTrue(gate.await(10, TimeUnit.SECONDS));
                    List<Boolean> mine = new ArrayList<>();
                    for (int i = 0; i < hitsEach; i++) {
                        try {
                            limiter.check(bucket, address, limit);
                            mine.add(true);
                        } catch (RateLimitedException refused) {
                            mine.add(false);
                        }
                    }
                    return mine;
                });
            }
            List<Future<List<Boolean>>> futures = new ArrayList<>();
            for (Callable<List<Boolean>> call : calls) {
                futures.add(pool.submit(call));
            }
            gate.countDown();
            List<Boolean> all = new ArrayList<>();
            for (Future<List<Boolean>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
