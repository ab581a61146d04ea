package org.carereview.consult.core.intake;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.idempotency.Idempotency;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.db.AtOnce;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Submissions that arrive together are written in one transaction, against real PostgreSQL: all of them or none, a
 * key stored already left out for its caller to replay, the posts counted once each.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeWriterTest implements FreshDatabase {

    @Inject IntakeWriter writer;
    @Inject Submissions submissions;
    @Inject Idempotency idempotency;
    @Inject DataSource dataSource;
    @Inject AccountService accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.rate-limit-per-minute", "3");
        properties.put("consult.rate-limit.purge.enabled", "false");
        return properties;
    }

    /** A submission made ready as a channel makes one, with the text given, an optional key and a rate key. */
    private final class Ready implements Together {
        final Submissions.Prepared prepared;
        final Idempotency.Claim claim;
        final String rateKey;
        final String text;
        String address;

        Ready(String text, String key, String rateKey) {
            this.text = text;
            this.prepared = submissions.prepare(SubmissionKind.CALL_FOR_ADVICE, text, null);
            this.claim = idempotency.claim("intake-test", key, Map.of("text", text), Map.of("id", prepared.id()));
            this.rateKey = rateKey;
        }

        Ready(Ready other) {
            this.text = other.text + " again";
            this.prepared = new Submissions.Prepared(UUID.randomUUID(), other.prepared.reference(),
                    other.prepared.submittedAt(), other.prepared.screened(), null);
            this.claim = null;
            this.rateKey = null;
        }

        @Override
        public Idempotency.Claim claim() {
            return claim;
        }

        @Override
        public String rateKey() {
            return rateKey;
        }

        @Override
        public String ownerAddress() {
            return address;
        }

        @Override
        public List<Row<?>> rows(UUID addressOwner) {
            return List.of(submissions.row(prepared, SubmissionDraft.of(SubmissionKind.CALL_FOR_ADVICE, addressOwner,
                    null, Set.of(Theme.CARE), Set.of(), text)));
        }

        @Override
        public void after() {
            submissions.after(prepared);
        }

        long stored() {
            return TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ?", prepared.id());
        }
    }

    @Test
    void submissionsArrivingTogetherAreWrittenInOneTransaction() {
        List<Ready> batch = List.of(new Ready("We need more support workers", null, null),
                new Ready("Families should be heard early", UUID.randomUUID().toString(), null),
                new Ready("Carers need respite", null, null));

        assertArrayEquals(new boolean[] {true, true, true}, writer.writeNow(new ArrayList<>(batch)));

        batch.forEach(r -> assertEquals(1, r.stored()));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(DISTINCT xmin::text) FROM submission WHERE id IN "
                + "(?, ?, ?)", batch.get(0).prepared.id(), batch.get(1).prepared.id(), batch.get(2).prepared.id()),
                "one transaction wrote the three rows");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ? AND search_vector "
                + "@@ plainto_tsquery('english', 'respite')", batch.get(2).prepared.id()), "its search vector too");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM idempotency_key WHERE key = ?",
                batch.get(1).claim.key()));
    }

    @Test
    void theContributorAccountsOfABatchAreFoundOrMadeTogetherAndEachOwnsItsOwn() {
        UUID known = accounts.contributorFor("known.writer@example.org");
        Ready first = new Ready("From a new address", null, null);
        first.address = "new.writer@example.org";
        Ready second = new Ready("From the same new address", null, null);
        second.address = "new.writer@example.org";
        Ready third = new Ready("From an address with an account", null, null);
        third.address = "known.writer@example.org";
        Ready none = new Ready("From no address", null, null);

        assertArrayEquals(new boolean[] {true, true, true, true}, writer.writeNow(List.of(first, second, third, none)));

        List<String> made = TestSql.column(dataSource, "SELECT id::text FROM account WHERE email = ?",
                "new.writer@example.org");
        assertEquals(1, made.size(), "one account for the new address");
        assertEquals(List.of(made.get(0), made.get(0), known.toString()), List.of(owner(first), owner(second),
                owner(third)));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE id = ? AND owner_id IS NOT NULL",
                none.prepared.id()));
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM account_role WHERE account_id = ?::uuid "
                + "AND role = 'CONTRIBUTOR'", made.get(0)));
    }

    private String owner(Ready ready) {
        return TestSql.column(dataSource, "SELECT owner_id::text FROM submission WHERE id = ?", ready.prepared.id())
                .get(0);
    }

    @Test
    void aKeyStoredAlreadyOrTwiceInTheBatchIsLeftOutForItsCallerAndTheOthersAreWritten() {
        String key = UUID.randomUUID().toString();
        Ready earlier = new Ready("An earlier request", key, null);
        assertArrayEquals(new boolean[] {true}, writer.writeNow(List.of(earlier)));
        Ready repeat = new Ready("The same request again", key, null);
        String other = UUID.randomUUID().toString();
        Ready first = new Ready("A new request", other, null);
        Ready twice = new Ready("The new request, sent twice at once", other, null);
        Ready plain = new Ready("A request without a key", null, null);

        assertArrayEquals(new boolean[] {false, true, false, true},
                writer.writeNow(List.of(repeat, first, twice, plain)));

        assertEquals(0, repeat.stored());
        assertEquals(0, twice.stored());
        assertEquals(1, first.stored());
        assertEquals(1, plain.stored());
    }

    @Test
    void aRowThatFailsLeavesNothingOfItsBatchAndEachIsToBeWrittenAlone() {
        Ready taken = new Ready("A reference that is taken", null, null);
        assertArrayEquals(new boolean[] {true}, writer.writeNow(List.of(taken)));
        Ready fine = new Ready("Nothing wrong with this one", UUID.randomUUID().toString(), "intake-test:a");
        Ready clash = new Ready(taken);

        assertArrayEquals(new boolean[] {false, false}, writer.writeNow(List.of(fine, clash)));

        assertEquals(0, fine.stored());
        assertEquals(0, clash.stored());
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM idempotency_key WHERE key = ?",
                fine.claim.key()));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM rate_limit WHERE bucket = 'intake-test:a'"));
    }

    @Test
    void postsAreCountedOnceEachAndABatchThatGoesOverTheLimitIsLeftToBeCountedAlone() {
        assertArrayEquals(new boolean[] {true, true, true}, writer.writeNow(List.of(
                new Ready("One", null, "intake-test:b"), new Ready("Two", null, "intake-test:b"),
                new Ready("Three", null, "intake-test:c"))));
        assertEquals(2, TestSql.count(dataSource, "SELECT hits FROM rate_limit WHERE bucket = 'intake-test:b'"));
        assertEquals(1, TestSql.count(dataSource, "SELECT hits FROM rate_limit WHERE bucket = 'intake-test:c'"));

        Ready within = new Ready("Within the limit", null, "intake-test:c");
        Ready over = new Ready("Over the limit of three", null, "intake-test:b");
        Ready more = new Ready("Further over it", null, "intake-test:b");
        assertArrayEquals(new boolean[] {false, false, false}, writer.writeNow(List.of(within, over, more)));
        assertEquals(0, within.stored() + over.stored() + more.stored());
        assertEquals(2, TestSql.count(dataSource, "SELECT hits FROM rate_limit WHERE bucket = 'intake-test:b'"));
    }

    @Test
    void twoBatchesWithOneKeyAtTheSameMomentWriteItOnce() {
        for (int round = 0; round < 5; round++) {
            String key = UUID.randomUUID().toString();
            List<Ready> both = new ArrayList<>();
            List<boolean[]> written = AtOnce.run(2, () -> {
                Ready mine = new Ready("One request sent by two nodes", key, null);
                synchronized (both) {
                    both.add(mine);
                }
                return writer.writeNow(List.of(mine, new Ready("Another request", null, null)));
            });

            assertEquals(1, written.stream().filter(w -> w[0]).count(), "one batch wrote the key");
            assertEquals(1, both.stream().mapToLong(Ready::stored).sum(), "and one submission with it");
            assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM idempotency_key WHERE key = ?", key));
        }
    }

    @Test
    void aBatchWaitingForALockDoesNotHoldUpTheSubmissionsArrivingAfterIt() throws Exception {
        assertArrayEquals(new boolean[] {true}, writer.writeNow(List.of(new Ready("First", null, "intake-test:d"))));
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try (Connection other = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("SELECT hits FROM rate_limit WHERE bucket = 'intake-test:d' FOR UPDATE");
            }
            Ready held = new Ready("Held by another transaction's lock", null, "intake-test:d");
            Future<Boolean> heldAnswer = requests.submit(() -> writer.write(held));
            while (TestSql.count(dataSource, "SELECT count(*) FROM pg_locks WHERE NOT granted") == 0) {
                assertFalse(heldAnswer.isDone(), "the held batch waits for the lock");
                Thread.onSpinWait();
            }

            Ready next = new Ready("Arriving while the first batch waits", null, "intake-test:e");
            Future<Boolean> nextAnswer = requests.submit(() -> writer.write(next));
            assertTrue(nextAnswer.get(60, TimeUnit.SECONDS), "the next writer wrote it meanwhile (with one: never)");
            assertEquals(1, next.stored());
            assertEquals(0, held.stored());

            other.rollback();
            assertTrue(heldAnswer.get(), "and the held batch is written once the lock goes");
            assertEquals(1, held.stored());
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void requestsHandedOverAtOnceAreEachAnsweredOnceTheirRowIsCommitted() throws Exception {
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            List<Ready> ready = new ArrayList<>();
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Ready r = new Ready("Request number " + i, UUID.randomUUID().toString(), null);
                ready.add(r);
                answers.add(requests.submit(() -> writer.write(r) && r.stored() == 1));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get(), "written, and readable by its request once answered");
            }
            assertEquals(40, ready.stream().mapToLong(Ready::stored).sum());
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void aBrokenConstraintIsLoggedByItsNameAndNeverWithTheRowItQuotes() {
        SQLException unique = new SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"account_email_key\"\n  Detail: Key (email)=(child@example.org) already exists.", "23505");
        String described = IntakeWriter.describe(new IllegalStateException("wrapped", unique));
        assertEquals("IllegalStateException, SQLSTATE 23505 on account_email_key", described);
        assertEquals("SQLException, SQLSTATE 40P01",
                IntakeWriter.describe(new SQLException("ERROR: deadlock detected\n  Detail: Process 1 waits", "40P01")));
    }
}
