package org.carereview.consult.core.operations;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.carereview.consult.core.access.Visibility;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/**
 * Work waiting for people, as counts only (for the platform team's metrics): submissions the spam defences held
 * back, and submissions flagged for safeguarding on which the lead has recorded no action yet ("No action
 * recorded yet" on the submission's page); submissions waiting for the learned safeguarding check (hidden from
 * reviewers until it has read them, ADR 38); and answers waiting for the embeddings worker (ADR 33). One read,
 * each count from a partial index; no content, no ids.
 */
@Singleton
public class WaitingWork {

    /**
     * @param quarantined              submissions QUARANTINED, waiting for staff to release or delete them
     * @param safeguardingAwaitingLead flagged submissions with no safeguarding action recorded
     * @param embeddingsWaiting        answers queued for their sentence vector
     * @param learnedCheckWaiting      submissions queued for the learned safeguarding check
     */
    public record Counts(long quarantined, long safeguardingAwaitingLead, long embeddingsWaiting, long learnedCheckWaiting) {
    }

    private final JdbcOperations jdbc;

    WaitingWork(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        // Flagged rows come from the one place that spells the flag condition (ADR 21).
        String awaitingLead = "SELECT count(*) FROM submission s WHERE NOT EXISTS "
                + "(SELECT 1 FROM safeguarding_action a WHERE a.submission_id = s.id)" + Visibility.flaggedFilter(true, "s");
        return jdbc.prepareStatement("SELECT (SELECT count(*) FROM submission WHERE status = 'QUARANTINED'), ("
                + awaitingLead + "), (SELECT count(*) FROM answer_embedding WHERE state = 'WAITING'), "
                + "(SELECT count(*) FROM safeguarding_check_queue)", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        });
    }
}
