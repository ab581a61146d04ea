package org.carereview.consult.core.idempotency;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A create runs once per key, against real PostgreSQL: what a create writes is kept only with its key's row, a
 * repeat gets the stored answer and leaves nothing of its own, a failure stores nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTest implements FreshDatabase {

    /** What the creates in these tests answer. */
    @Serdeable
    record Receipt(String reference, int attempt) {
    }

    @Inject
    Idempotency idempotency;
    @Inject
    JdbcOperations jdbc;
    @Inject
    DataSource dataSource;

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aRepeatGetsTheFirstAnswerAndWhatItsOwnCreateWroteIsRolledBack() {
        String key = UUID.randomUUID().toString();
        Idempotency.Outcome<Receipt> first = idempotency.run("test", key, Map.of("a", 1), Receipt.class,
                () -> create("repeat"));
        Idempotency.Outcome<Receipt> again = idempotency.run("test", key, Map.of("a", 1), Receipt.class,
                () -> create("repeat"));

        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.body(), again.body());
        assertEquals(1, written("repeat"), "the repeat's own row went with its transaction");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM idempotency_key WHERE key = '" + key
                + "' AND response_status = 201 AND response_body LIKE '%\"attempt\":" + first.body().attempt() + "%'"));
    }

    @Test
    void aFailedCreateStoresNothingAndTheKeyCanBeTriedAgain() {
        String key = UUID.randomUUID().toString();
        IllegalArgumentException failure = new IllegalArgumentException("refused");
        assertSame(failure, assertThrows(IllegalArgumentException.class, () -> idempotency.run("test", key,
                Map.of("a", 1), Receipt.class, () -> {
                    create("failed");
                    throw failure;
                })));
        assertEquals(0, written("failed"));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM idempotency_key WHERE key = '" + key + "'"));

        Idempotency.Outcome<Receipt> retried = idempotency.run("test", key, Map.of("a", 1), Receipt.class,
                () -> create("failed"));
        assertFalse(retried.replayed());
        assertEquals(1, written("failed"));
    }

    @Test
    void aRepeatWhoseCreateNowFailsStillGetsTheStoredAnswer() {
        String key = UUID.randomUUID().toString();
        Receipt first = idempotency.run("test", key, Map.of("a", 1), Receipt.class, () -> create("closed")).body();
        Idempotency.Outcome<Receipt> late = idempotency.run("test", key, Map.of("a", 1), Receipt.class, () -> {
            throw new ProblemException(HttpStatus.CONFLICT, "window-closed", "Closed", "The window has closed.");
        });
        assertTrue(late.replayed());
        assertEquals(first, late.body());
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndLeavesNothing() {
        String key = UUID.randomUUID().toString();
        idempotency.run("test", key, Map.of("a", 1), Receipt.class, () -> create("reused"));
        ProblemException refused = assertThrows(ProblemException.class, () -> idempotency.run("test", key,
                Map.of("a", 2), Receipt.class, () -> create("reused")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.status());
        assertEquals(1, written("reused"));
    }

    @Test
    void aKeyIsOnePerScope() {
        String key = UUID.randomUUID().toString();
        Receipt one = idempotency.run("test", key, Map.of("a", 1), Receipt.class, () -> create("scoped")).body();
        Idempotency.Outcome<Receipt> other = idempotency.run("other", key, Map.of("a", 1), Receipt.class,
                () -> create("scoped"));
        assertFalse(other.replayed());
        assertNotEquals(one, other.body());
        assertEquals(2, written("scoped"));
    }

    @Test
    void twoRequestsWithOneKeyAtOnceKeepOneCreateAndBothGetItsAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch firstHasWritten = new CountDownLatch(1);
        CountDownLatch secondHasCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<Idempotency.Outcome<Receipt>> slow = pool.submit(() -> idempotency.run("test", key, Map.of("a", 1),
                    Receipt.class, () -> {
                        Receipt r = create("together");
                        firstHasWritten.countDown();
                        await(secondHasCommitted);
                        return r;
                    }));
            await(firstHasWritten);
            // The second neither waits for the first nor is refused: its create commits while the first is open.
            Idempotency.Outcome<Receipt> fast = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> idempotency.run("test", key, Map.of("a", 1), Receipt.class, () -> create("together")));
            secondHasCommitted.countDown();
            Idempotency.Outcome<Receipt> slowOutcome = slow.get(30, TimeUnit.SECONDS);

            assertFalse(fast.replayed());
            assertTrue(slowOutcome.replayed(), "the one that committed second replays the first's answer");
            assertEquals(fast.body(), slowOutcome.body());
            assertEquals(1, written("together"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutAKeyEveryRequestCreates() {
        for (String key : new String[] {null, " "}) {
            assertFalse(idempotency.run("test", key, Map.of("a", 1), Receipt.class, () -> create("keyless"))
                    .replayed());
        }
        assertEquals(2, written("keyless"));
    }

    @Test
    void aKeyLongerThan255CharactersIs400() {
        ProblemException refused = assertThrows(ProblemException.class, () -> idempotency.run("test", "k".repeat(256),
                Map.of("a", 1), Receipt.class, () -> create("long")));
        assertEquals(HttpStatus.BAD_REQUEST, refused.status());
        assertEquals(0, written("long"));
    }

    /** Writes a row named after the test in the create's transaction, as a channel writes its submission. */
    private Receipt create(String name) {
        int attempt = attempts.incrementAndGet();
        jdbc.prepareStatement("INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, 1)", ps -> {
            ps.setString(1, name + "-" + attempt);
            ps.setTimestamp(2, Timestamp.from(Instant.parse("2027-01-11T10:15:00Z")));
            return ps.executeUpdate();
        });
        return new Receipt(name, attempt);
    }

    private long written(String name) {
        return TestSql.count(dataSource, "SELECT count(*) FROM rate_limit WHERE bucket LIKE '" + name + "-%'");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
