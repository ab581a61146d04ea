package org.carereview.consult.core.operations;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;

import java.sql.ResultSet;
import java.sql.Timestamp;

/** Counts of the rows waiting for people or workers: held, flagged without action, queued for checks and vectors. */
@Singleton
class WaitingWorkStore {

    private final JdbcOperations jdbc;

    WaitingWorkStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    WaitingWork.Counts counts() {
        // Flagged rows come from the one place that spells the flag condition (ADR 21). Answers waiting for their
        // vector: those queued one by one, and those of new submissions the worker has not yet taken (the view
        // embedding_due_answers, which EmbeddingStore counts too).
        String awaitingLead = "SELECT count(*) FROM submission s WHERE NOT EXISTS "
                + "(SELECT 1 FROM safeguarding_action a WHERE a.submission_id = s.id)"
                + Visibility.flaggedFilter(true, "s");
        return jdbc.prepareStatement("SELECT (SELECT count(*) FROM submission WHERE status = 'QUARANTINED'), ("
                + awaitingLead + "), (SELECT count(*) FROM answer_embedding WHERE state = 'WAITING') + "
                + "(SELECT count(*) FROM embedding_due_answers), "
                + "(SELECT count(*) FROM safeguarding_check_queue), "
                + "(SELECT min(queued_at) FROM safeguarding_check_queue)",
                ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(5);
                return new WaitingWork.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        oldest == null ? null : oldest.toInstant());
            }
        });
    }
}
