package org.carereview.consult.core.submission;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for the submissions the spam defences held back (status QUARANTINED). */
@Singleton
class QuarantineStore {

    private final JdbcOperations jdbc;

    QuarantineStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The held-back submissions this viewer may see, newest first, at most 500. */
    List<Quarantine.Held> list(Viewer viewer) {
        return jdbc.prepareStatement("SELECT id, kind, reference, quarantine_reason, submitted_at "
                + "FROM submission WHERE status = 'QUARANTINED'" + Visibility.submissions(viewer, "")
                + " ORDER BY submitted_at DESC, id LIMIT 500", ps -> {
            List<Quarantine.Held> held = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(new Quarantine.Held(rs.getObject(1, UUID.class), SubmissionKind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return held;
        });
    }

    /** Sets it NEW if it is held back (and, unless {@code flaggedVisible}, not flagged); answers the kinds it set. */
    List<String> release(UUID id, boolean flaggedVisible, Instant at) {
        return jdbc.prepareStatement("UPDATE submission SET status = 'NEW', updated_at = ? "
                + "WHERE id = ? AND status = 'QUARANTINED'" + Visibility.submissions(flaggedVisible, "")
                + " RETURNING kind", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, id);
            List<String> kinds = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
            return kinds;
        });
    }

    /** Deletes it if it is held back (and, unless {@code flaggedVisible}, not flagged); answers how many rows went. */
    int delete(UUID id, boolean flaggedVisible) {
        return jdbc.prepareStatement("DELETE FROM submission WHERE id = ? AND status = 'QUARANTINED'"
                + Visibility.submissions(flaggedVisible, ""), ps -> {
            ps.setObject(1, id);
            return ps.executeUpdate();
        });
    }
}
