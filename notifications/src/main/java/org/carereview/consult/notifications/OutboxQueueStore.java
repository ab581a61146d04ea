package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code outbox_message} rows that have not gone (waiting or given up on): read, counted, retried, cancelled. */
@Singleton
class OutboxQueueStore {

    /** One message that has not gone, as stored (its recipient and error unmasked). */
    record Row(UUID id, String template, String channel, String recipient, int attempts, @Nullable String lastError,
               Instant createdAt, @Nullable Instant nextAttemptAt) {
        @Override
        public String toString() {
            return "Row[id=" + id + ", template=" + template + ", channel=" + channel + ", attempts=" + attempts + "]";
        }
    }

    private final JdbcOperations jdbc;

    OutboxQueueStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues again, to be tried at {@code now} with no attempts yet, every failed message queued since then. */
    int retryFailed(Instant now, Instant queuedSince) {
        return jdbc.prepareStatement("""
                UPDATE outbox_message SET status = 'CREATED', attempts = 0, next_attempt_at = ?, claimed_until = NULL
                WHERE status = 'FAILED_PERMANENTLY' AND created_at >= ?""", ps -> {
            Sql.setInstant(ps, 1, now);
            Sql.setInstant(ps, 2, queuedSince);
            return ps.executeUpdate();
        });
    }

    /** Queues one message again at {@code now}: a waiting one, or a failed one queued since then (attempts reset). */
    boolean retry(UUID id, Instant now, Instant failedQueuedSince) {
        return jdbc.prepareStatement("""
                UPDATE outbox_message SET attempts = CASE WHEN status = 'FAILED_PERMANENTLY' THEN 0 ELSE attempts END,
                    status = 'CREATED', next_attempt_at = ?, claimed_until = NULL
                WHERE id = ? AND (status = 'CREATED' OR status = 'FAILED_PERMANENTLY' AND created_at >= ?)""", ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setObject(2, id);
            Sql.setInstant(ps, 3, failedQueuedSince);
            return ps.executeUpdate() == 1;
        });
    }

    /** Cancels one waiting or failed message and empties its fields; false if there is no such message. */
    boolean cancel(UUID id) {
        return jdbc.prepareStatement("""
                UPDATE outbox_message SET status = 'CANCELLED', fields = '{}'::jsonb, claimed_until = NULL,
                    last_error = 'Cancelled by an administrator'
                WHERE id = ? AND status IN ('CREATED', 'FAILED_PERMANENTLY')""", ps -> {
            ps.setObject(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    /** Up to {@code max} messages in this state, oldest first. */
    List<Row> list(OutboxQueue.Status status, int max) {
        String where = status == OutboxQueue.Status.FAILED
                ? "status = 'FAILED_PERMANENTLY'" : "status IN ('CREATED', 'SENDING')";
        return jdbc.prepareStatement(
                "SELECT id, template, recipient, attempts, last_error, created_at, next_attempt_at, channel"
                + " FROM outbox_message WHERE " + where + " ORDER BY created_at, id LIMIT " + max, ps -> {
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp next = rs.getTimestamp(7);
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(8), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                            next == null ? null : next.toInstant()));
                }
            }
            return rows;
        });
    }

    /**
     * The messages waiting (new or being sent), when the oldest of them was queued, the messages failed, and when
     * the oldest urgent one waiting was queued.
     */
    OutboxBacklog.Counts counts() {
        return jdbc.prepareStatement("""
                SELECT (SELECT count(*) FROM outbox_message WHERE status IN ('CREATED', 'SENDING')) AS waiting,
                       (SELECT min(created_at) FROM outbox_message WHERE status IN ('CREATED', 'SENDING')) AS oldest,
                       (SELECT count(*) FROM outbox_message WHERE status = 'FAILED_PERMANENTLY') AS failed,
                       (SELECT min(created_at) FROM outbox_message WHERE status IN ('CREATED', 'SENDING') AND urgent)
                           AS oldest_urgent""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new OutboxBacklog.Counts(rs.getLong("waiting"), Sql.getInstant(rs, "oldest"),
                        rs.getLong("failed"), Sql.getInstant(rs, "oldest_urgent"));
            }
        });
    }
}
