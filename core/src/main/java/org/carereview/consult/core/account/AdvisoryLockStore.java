package org.carereview.consult.core.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/** PostgreSQL's transaction-scoped advisory locks: work run in a write transaction that holds one. */
@Singleton
class AdvisoryLockStore {

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    AdvisoryLockStore(TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Takes the lock (waiting for any other holder), runs the work, and commits, which releases the lock. */
    void whileLocked(long lock, Runnable work) {
        transactions.executeWrite(status -> {
            jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", ps -> {
                ps.setLong(1, lock);
                ps.executeQuery().close();
                return null;
            });
            work.run();
            return null;
        });
    }
}
