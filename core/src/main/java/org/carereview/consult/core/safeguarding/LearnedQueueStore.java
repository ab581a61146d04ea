package org.carereview.consult.core.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * SQL for the submissions waiting for the learned check (table {@code safeguarding_check_queue}), and the short
 * transactions of their own the queue's work runs in (JDBC's, so they are opened here).
 */
@Singleton
class LearnedQueueStore {

    /** A claimed row: the submission's search text ('' if none) and its screened-only text, still sealed. */
    record Claimed(UUID id, String reference, String searchText, @Nullable String screenedOnly, Instant queuedAt) {
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    LearnedQueueStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs {@code work} in a read-only transaction of its own. */
    <T> T inReadTransaction(Supplier<T> work) {
        return transactions.executeRead(status -> work.get());
    }

    /** Runs {@code work} in a transaction of its own, committed when it returns. */
    <T> T inWriteTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    /** Queues the submission (once: a second add changes nothing). */
    void add(UUID submissionId, Instant at, @Nullable String sealedScreenedOnly) {
        jdbc.prepareStatement("INSERT INTO safeguarding_check_queue (submission_id, queued_at, screened_only) "
                + "VALUES (?, ?, ?) ON CONFLICT (submission_id) DO NOTHING", ps -> {
            ps.setObject(1, submissionId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, sealedScreenedOnly);
            return ps.executeUpdate();
        });
    }

    /**
     * Claims until {@code until} up to {@code batch} rows, oldest first, that no one holds a claim on at
     * {@code now}; rows other nodes are claiming are skipped. Answers them in no set order.
     */
    List<Claimed> claim(Instant now, int batch, Instant until) {
        return jdbc.prepareStatement("WITH due AS (SELECT submission_id FROM safeguarding_check_queue "
                + "WHERE claimed_until IS NULL OR claimed_until < ? ORDER BY queued_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "UPDATE safeguarding_check_queue q SET claimed_until = ? FROM due, submission s "
                + "WHERE q.submission_id = due.submission_id AND s.id = q.submission_id "
                + "RETURNING q.submission_id, s.reference, coalesce(s.search_text, ''), q.screened_only, q.queued_at", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, batch);
            ps.setTimestamp(3, Timestamp.from(until));
            List<Claimed> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return list;
        });
    }

    /** Takes the submission off the queue; answers how many rows went (0 if another node took it off). */
    int remove(UUID submissionId) {
        return jdbc.prepareStatement("DELETE FROM safeguarding_check_queue WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            return ps.executeUpdate();
        });
    }

    /** Gives back the claims on these submissions. */
    void release(List<UUID> submissionIds) {
        jdbc.prepareStatement("UPDATE safeguarding_check_queue SET claimed_until = NULL WHERE submission_id = ANY(?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", submissionIds.toArray()));
            return ps.executeUpdate();
        });
    }

    boolean holds(UUID submissionId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM safeguarding_check_queue WHERE submission_id = ?)", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    int waiting() {
        return jdbc.prepareStatement("SELECT count(*) FROM safeguarding_check_queue", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
