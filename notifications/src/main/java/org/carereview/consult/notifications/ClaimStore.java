package org.carereview.consult.notifications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The dispatcher's claims on {@code outbox_message} rows: taking due ones, and marking how each claim ended. */
@Singleton
class ClaimStore {

    /** A claimed row, its fields still as the JSON text the table holds. */
    record Row(UUID id, Channel channel, String template, String recipient, String fields, int attempts) {
        @Override
        public String toString() {
            return "Row[id=" + id + ", channel=" + channel + ", template=" + template + ", attempts=" + attempts + "]";
        }
    }

    /** Joined by a sent mark's UPDATE: see {@link #markSent}. */
    private static final String WITHOUT_WAITING_FOR_THE_DISK =
            " FROM (SELECT set_config('synchronous_commit', 'off', true)) AS without_waiting_for_the_disk";

    private final JdbcOperations jdbc;

    ClaimStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives up the due messages (new, retrying or abandoned) that have had {@code maxAttempts} already. Parameters:
     * now, the most attempts. {@code urgent IN (true, false)} lets it read the due index ({@code outbox_message_due},
     * urgent first) from its start to now for each value, not every waiting message or the whole table.
     */
    static final String FAIL_OUT = """
            UPDATE outbox_message SET status = 'FAILED_PERMANENTLY', claimed_until = NULL,
                last_error = CASE WHEN status = 'SENDING' THEN 'LeaseExpired' ELSE last_error END
            WHERE id IN (SELECT id FROM outbox_message
                         WHERE status IN ('CREATED', 'SENDING') AND urgent IN (true, false)
                           AND next_attempt_at <= ? AND attempts >= ?
                         FOR UPDATE SKIP LOCKED)""";

    int failOutOfAttempts(Instant now, int maxAttempts) {
        return jdbc.prepareStatement(FAIL_OUT, ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setInt(2, maxAttempts);
            return ps.executeUpdate();
        });
    }

    /**
     * Takes the due messages, urgent ones first ({@link Urgent}) and then each by when it is due, in the order of
     * {@code outbox_message_due} (V037), so a claim at a peak reads the first rows of the index, not the whole queue.
     * Parameters: now, the most attempts, how many, the lease's end (twice).
     */
    static final String CLAIM = """
            WITH due AS (
                SELECT id FROM outbox_message
                WHERE status IN ('CREATED', 'SENDING') AND next_attempt_at <= ? AND attempts < ?
                ORDER BY urgent DESC, next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE outbox_message m
            SET status = 'SENDING', attempts = m.attempts + 1, claimed_until = ?, next_attempt_at = ?
            FROM due WHERE m.id = due.id
            RETURNING m.id, m.channel, m.template, m.recipient, m.fields::text AS fields, m.attempts""";

    /**
     * Claims up to {@code limit} due messages until {@code leaseEnd}, urgent ones first, skipping rows another
     * dispatcher has locked.
     */
    List<Row> claim(Instant now, Instant leaseEnd, int limit, int maxAttempts) {
        return jdbc.prepareStatement(CLAIM, ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setInt(2, maxAttempts);
            ps.setInt(3, limit);
            Sql.setInstant(ps, 4, leaseEnd);
            Sql.setInstant(ps, 5, leaseEnd);
            List<Row> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Row(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
                            rs.getString("template"),
                            rs.getString("recipient"), rs.getString("fields"), rs.getInt("attempts")));
                }
            }
            return claimed;
        });
    }

    /**
     * Marks a sent message in a statement that also turns off, for its own transaction, the commit's wait for the
     * write-ahead log to reach the disk: {@code set_config(..., true)} lasts until that transaction ends, so the
     * connection keeps its own setting and every later transaction on it is durable, and it costs no round trip of
     * its own as a {@code SET LOCAL} statement would. The setting is computed only when the claim's row is found; a
     * mark that finds none writes nothing, so has nothing to flush.
     */
    boolean markSent(UUID id, int attempts, Instant now) {
        return update("status = 'SENT', sent_at = ?, claimed_until = NULL, last_error = NULL",
                WITHOUT_WAITING_FOR_THE_DISK, id, attempts, now);
    }

    boolean reschedule(UUID id, int attempts, Instant nextAttempt, String error) {
        return update("status = 'CREATED', next_attempt_at = ?, claimed_until = NULL, last_error = ?", "",
                id, attempts, nextAttempt, error);
    }

    boolean markFailed(UUID id, int attempts, String error) {
        return update("status = 'FAILED_PERMANENTLY', claimed_until = NULL, last_error = ?", "", id, attempts, error);
    }

    /** Gives a claim back without counting its attempt. */
    boolean release(UUID id, int attempts, Instant now) {
        return update("status = 'CREATED', attempts = attempts - 1, next_attempt_at = ?, claimed_until = NULL", "",
                id, attempts, now);
    }

    /**
     * Updates the row only while it is still the claim with this many attempts; true if it was. {@code from}: a
     * FROM clause the statement joins, or nothing.
     */
    private boolean update(String assignments, String from, UUID id, int attempts, Object... values) {
        return jdbc.prepareStatement("UPDATE outbox_message m SET " + assignments + from
                + " WHERE m.id = ? AND m.status = 'SENDING' AND m.attempts = ?", ps -> {
            int i = 1;
            for (Object value : values) {
                if (value instanceof Instant instant) {
                    Sql.setInstant(ps, i++, instant);
                } else {
                    ps.setString(i++, (String) value);
                }
            }
            ps.setObject(i++, id);
            ps.setInt(i, attempts);
            return ps.executeUpdate() == 1;
        });
    }
}
