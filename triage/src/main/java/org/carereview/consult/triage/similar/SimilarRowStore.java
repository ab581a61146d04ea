package org.carereview.consult.triage.similar;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.LiveSubmissions;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The database's word on the index's candidates, through {@link Visibility} for the person asking: the submission
 * asked about, and which candidates exist for them now, with what the list shows. Callers hold the transaction.
 */
@Singleton
class SimilarRowStore {

    /** A candidate as the list shows it: the start of its redacted answers. */
    record Row(UUID id, String reference, SubmissionKind kind, String snippet) {
    }

    static final int SNIPPET = 160;

    private final JdbcOperations jdbc;

    SimilarRowStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The submission's status, if it exists for this viewer. */
    Optional<SubmissionStatus> status(UUID id, Viewer viewer) {
        return jdbc.prepareStatement("SELECT s.status FROM submission s WHERE s.id = ?"
                + Visibility.submissions(viewer, "s"), ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SubmissionStatus.valueOf(rs.getString(1))) : Optional.<SubmissionStatus>empty();
            }
        });
    }

    /**
     * The candidates that exist for this viewer and are in the queue (not withdrawn, not held back as spam), by id.
     * A withdrawn or deleted submission the index still holds is simply not here.
     */
    Map<UUID, Row> visible(List<UUID> candidates, Viewer viewer) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT s.id, s.reference, s.kind, left((SELECT string_agg(a.value, ' ' ORDER BY "
                + "a.key) FROM jsonb_each_text(s.redacted_text) a), ?) FROM submission s WHERE s.id = ANY (?)"
                + LiveSubmissions.only("s") + Visibility.submissions(viewer, "s"), ps -> {
            ps.setInt(1, SNIPPET + 1);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", candidates.toArray()));
            Map<UUID, Row> rows = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    rows.put(id, new Row(id, rs.getString(2), SubmissionKind.valueOf(rs.getString(3)),
                            snippet(rs.getString(4))));
                }
            }
            return rows;
        });
    }

    /** At most {@link #SNIPPET} characters, cut at a space with an ellipsis when there was more. */
    static String snippet(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET);
        return flat.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET).strip() + "…";
    }
}
