package org.carereview.consult.core.retention;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;

/** The purge's delete statements, one per rule, each answering its count; the WHERE keeps what is flagged. */
@Singleton
class RetentionStore {

    private final JdbcOperations jdbc;

    RetentionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    int deleteQuarantinedSubmittedBefore(Instant cutoff) {
        return update("DELETE FROM submission WHERE status = 'QUARANTINED' AND submitted_at < ? AND NOT safeguarding",
                cutoff);
    }

    int deleteWithdrawnBefore(Instant cutoff) {
        return update("DELETE FROM submission WHERE status = 'WITHDRAWN' AND withdrawn_at < ? AND NOT safeguarding",
                cutoff);
    }

    /** Every submission not flagged for safeguarding, with its channel details, notes and history (cascade). */
    int deleteUnflaggedSubmissions() {
        return update("DELETE FROM submission WHERE NOT safeguarding");
    }

    /** Links no feedback came through, unless their session is flagged (feedback refers to its link). */
    int deleteDeepDiveLinksWithoutFeedback() {
        return update("""
                DELETE FROM deep_dive_link l
                WHERE NOT EXISTS (SELECT 1 FROM deep_dive_feedback f WHERE f.link_token = l.token)
                  AND NOT EXISTS (SELECT 1 FROM deep_dive_session s WHERE s.id = l.session_id AND s.safeguarding)""");
    }

    /** Sessions (facilitator, notes) with no feedback or link, unless flagged for safeguarding. */
    int deleteDeepDiveSessionsWithoutFeedback() {
        return update("""
                DELETE FROM deep_dive_session s
                WHERE NOT s.safeguarding
                  AND NOT EXISTS (SELECT 1 FROM deep_dive_feedback f WHERE f.session_id = s.id)
                  AND NOT EXISTS (SELECT 1 FROM deep_dive_link l WHERE l.session_id = s.id)""");
    }

    /** All equality answers, once any equality window closed before the cutoff. */
    int deleteEqualityAnswersIfAWindowClosedBefore(Instant cutoff) {
        return update("DELETE FROM ebe_equality WHERE EXISTS (SELECT 1 FROM ebe_window w WHERE w.closes_at < ?)",
                cutoff);
    }

    /** Sent, given-up or cancelled emails, with their recipient and fields; messages still being sent are kept. */
    int deleteFinishedMessagesBefore(Instant cutoff) {
        return update("DELETE FROM outbox_message WHERE status IN ('SENT', 'FAILED_PERMANENTLY', 'CANCELLED') "
                + "AND coalesce(sent_at, created_at) < ?", cutoff);
    }

    int deleteIdempotencyKeysBefore(Instant cutoff) {
        return update("DELETE FROM idempotency_key WHERE created_at < ?", cutoff);
    }

    int deleteTokensExpiredBefore(Instant cutoff) {
        return update("DELETE FROM account_token WHERE expires_at < ?", cutoff);
    }

    /**
     * Contributor accounts (no password, no staff role, never scored) that own no submission or draft, hold no
     * sign-in link still valid at {@code now}, and were last created, changed or used before the cutoff.
     */
    int deleteUnusedAccounts(Instant cutoff, Instant now) {
        return update("""
                DELETE FROM account a
                WHERE a.password_hash IS NULL
                  AND greatest(a.created_at, a.updated_at, a.last_used_at) < ?
                  AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role <> 'CONTRIBUTOR')
                  AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.owner_id = a.id)
                  AND NOT EXISTS (SELECT 1 FROM draft d WHERE d.owner_id = a.id)
                  AND NOT EXISTS (SELECT 1 FROM account_token t WHERE t.account_id = a.id AND t.expires_at >= ?)
                  AND NOT EXISTS (SELECT 1 FROM ebe_score e WHERE e.scorer_id = a.id)""",
                cutoff, now);
    }

    /**
     * Audit entries before the cutoff. The log is append-only (V018): its trigger lets the current transaction
     * delete only rows before the cutoff it has set, which is cleared again afterwards.
     */
    int deleteAuditBefore(Instant cutoff) {
        jdbc.prepareStatement("SELECT set_config('consult.audit_purge_before', ?, true)", ps -> {
            ps.setString(1, cutoff.toString());
            return ps.execute();
        });
        int deleted = update("DELETE FROM audit_event WHERE at < ?", cutoff);
        jdbc.prepareStatement("SELECT set_config('consult.audit_purge_before', '', true)", ps -> ps.execute());
        return deleted;
    }

    private int update(String sql, Instant... instants) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < instants.length; i++) {
                ps.setTimestamp(i + 1, Timestamp.from(instants[i]));
            }
            return ps.executeUpdate();
        });
    }
}
