package org.carereview.consult.notifications;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dispatcher's side of {@code outbox_message}. Each method is its own short transaction. A claim sets
 * {@code claimed_until} and {@code next_attempt_at} to the end of the lease, so one condition
 * ({@code status IN (CREATED, SENDING) AND next_attempt_at <= now}) finds new, retrying and abandoned
 * messages alike. Every later update names the {@code attempts} value of its claim: a dispatcher whose lease
 * ran out and was taken over cannot overwrite the newer claim.
 */
@Singleton
class Claims {

    /** A claimed message. {@link #toString()} leaves out the address and the fields. */
    record Claimed(UUID id, Channel channel, String template, String recipient, Map<String, String> fields,
                   int attempts) {
        @Override
        public String toString() {
            return "Claimed[id=" + id + ", channel=" + channel + ", template=" + template + ", attempts=" + attempts
                    + "]";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Claims.class);
    private static final Argument<Map<String, String>> FIELDS = Argument.mapOf(String.class, String.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    Claims(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims up to {@code limit} due messages, skipping rows another dispatcher has locked. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    List<Claimed> claim(Instant now, Instant leaseEnd, int limit, int maxAttempts) {
        // Out of attempts: an abandoned claim on the last attempt (the dead node may have sent it), or a
        // waiting message after maxAttempts was lowered. Given up, not tried again.
        jdbc.prepareStatement("""
                UPDATE outbox_message SET status = 'FAILED_PERMANENTLY', claimed_until = NULL,
                    last_error = CASE WHEN status = 'SENDING' THEN 'LeaseExpired' ELSE last_error END
                WHERE id IN (SELECT id FROM outbox_message
                             WHERE status IN ('CREATED', 'SENDING') AND next_attempt_at <= ? AND attempts >= ?
                             FOR UPDATE SKIP LOCKED)""", ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setInt(2, maxAttempts);
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("""
                WITH due AS (
                    SELECT id FROM outbox_message
                    WHERE status IN ('CREATED', 'SENDING') AND next_attempt_at <= ? AND attempts < ?
                    ORDER BY next_attempt_at
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                UPDATE outbox_message m
                SET status = 'SENDING', attempts = m.attempts + 1, claimed_until = ?, next_attempt_at = ?
                FROM due WHERE m.id = due.id
                RETURNING m.id, m.channel, m.template, m.recipient, m.fields::text AS fields, m.attempts""", ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setInt(2, maxAttempts);
            ps.setInt(3, limit);
            Sql.setInstant(ps, 4, leaseEnd);
            Sql.setInstant(ps, 5, leaseEnd);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
                            rs.getString("template"),
                            rs.getString("recipient"), fields(rs), rs.getInt("attempts")));
                }
            }
            return claimed;
        });
    }

    /**
     * Marks a message sent, without waiting for the disk: a mark lost to a database crash in the next fraction of a
     * second leaves the message {@code SENDING}, so it is sent again when its lease runs out, which is the outbox's
     * at-least-once promise anyway (as for a node that dies mid-send). At a peak this saves one flush of the
     * write-ahead log per email, and everything else the database holds stays durable.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    boolean markSent(Claimed claim, Instant now) {
        jdbc.prepareStatement("SET LOCAL synchronous_commit TO OFF", PreparedStatement::execute);
        return update("status = 'SENT', sent_at = ?, claimed_until = NULL, last_error = NULL", claim, now);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    boolean reschedule(Claimed claim, Instant nextAttempt, String error) {
        return update("status = 'CREATED', next_attempt_at = ?, claimed_until = NULL, last_error = ?",
                claim, nextAttempt, error);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    boolean markFailed(Claimed claim, String error) {
        return update("status = 'FAILED_PERMANENTLY', claimed_until = NULL, last_error = ?", claim, error);
    }

    /** Gives a claim back unsent (its lease is nearly over), without counting the attempt. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    boolean release(Claimed claim, Instant now) {
        return update("status = 'CREATED', attempts = attempts - 1, next_attempt_at = ?, claimed_until = NULL",
                claim, now);
    }

    private boolean update(String assignments, Claimed claim, Object... values) {
        return jdbc.prepareStatement("UPDATE outbox_message SET " + assignments
                + " WHERE id = ? AND status = 'SENDING' AND attempts = ?", ps -> {
            int i = 1;
            for (Object value : values) {
                if (value instanceof Instant instant) {
                    Sql.setInstant(ps, i++, instant);
                } else {
                    ps.setString(i++, (String) value);
                }
            }
            ps.setObject(i++, claim.id());
            ps.setInt(i, claim.attempts());
            return ps.executeUpdate() == 1;
        });
    }

    /** Unreadable fields must not block the whole queue: the message then fails on rendering instead. */
    private Map<String, String> fields(ResultSet rs) throws SQLException {
        try {
            return json.readValue(rs.getString("fields"), FIELDS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Outbox message {} has unreadable fields ({})", rs.getObject("id"), e.getClass().getSimpleName());
            return Map.of();
        }
    }
}
