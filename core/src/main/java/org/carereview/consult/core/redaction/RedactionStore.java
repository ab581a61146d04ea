package org.carereview.consult.core.redaction;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.notifications.MultiRowInsert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for {@code redacted_answer}: one row per submission, each map keyed by the answer's field name; the redacted
 * texts are copied to {@code submission.redacted_text} for exports. Also the submission's kind and reference.
 */
@Singleton
class RedactionStore {

    /** What is kept for one submission. */
    record Stored(Map<String, String> answers, Map<String, List<Found>> found,
                  Map<String, List<Correction>> corrections) {
    }

    private static final Argument<Map<String, String>> ANSWERS = Argument.mapOf(String.class, String.class);
    private static final Argument<Map<String, List<Found>>> FOUND =
            Argument.mapOf(Argument.STRING, Argument.listOf(Found.class));
    private static final Argument<Map<String, List<Correction>>> CORRECTIONS =
            Argument.mapOf(Argument.STRING, Argument.listOf(Correction.class));

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    RedactionStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the redaction and the submission's copy of the redacted text, in one statement. */
    void put(UUID submissionId, Stored stored, Instant now) {
        keep("""
                WITH kept AS (
                    INSERT INTO redacted_answer (submission_id, answers, found, corrections, redacted_at)
                    VALUES (?, ?::jsonb, ?::jsonb, ?::jsonb, ?) ON CONFLICT (submission_id) DO UPDATE SET
                    answers = EXCLUDED.answers, found = EXCLUDED.found, corrections = EXCLUDED.corrections,
                    redacted_at = EXCLUDED.redacted_at RETURNING submission_id, answers)
                UPDATE submission s SET redacted_text = kept.answers FROM kept WHERE s.id = kept.submission_id""",
                submissionId, stored, now);
    }

    /** Keeps a new submission's redaction; its row already holds the same redacted text, written with it. */
    void putNew(UUID submissionId, Stored stored, Instant now) {
        keep("""
                INSERT INTO redacted_answer (submission_id, answers, found, corrections, redacted_at)
                VALUES (?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""", submissionId, stored, now);
    }

    /** A new submission's redaction, to be written with others ({@link #putAllNew}). */
    record NewRow(UUID submissionId, Stored stored) {
    }

    /** As {@link #putNew}, for several new submissions with one statement. */
    void putAllNew(List<NewRow> rows, Instant now) {
        Timestamp at = Timestamp.from(now);
        new MultiRowInsert<NewRow>("INSERT INTO redacted_answer (submission_id, answers, found, corrections, "
                + "redacted_at) VALUES", "(?, ?::jsonb, ?::jsonb, ?::jsonb, ?)", "", (ps, i, r) -> {
            ps.setObject(i, r.submissionId());
            ps.setString(i + 1, write(r.stored().answers()));
            ps.setString(i + 2, write(r.stored().found()));
            ps.setString(i + 3, write(r.stored().corrections()));
            ps.setTimestamp(i + 4, at);
        }).insert(jdbc, rows);
    }

    private void keep(String sql, UUID submissionId, Stored stored, Instant now) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, submissionId);
            ps.setString(2, write(stored.answers()));
            ps.setString(3, write(stored.found()));
            ps.setString(4, write(stored.corrections()));
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    Optional<Stored> find(UUID submissionId) {
        return jdbc.prepareStatement("SELECT answers, found, corrections FROM redacted_answer WHERE submission_id = ?",
                ps -> {
                    ps.setObject(1, submissionId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Stored(read(rs.getString(1), ANSWERS),
                                read(rs.getString(2), FOUND), read(rs.getString(3), CORRECTIONS)))
                                : Optional.<Stored>empty();
                    }
                });
    }

    /** Submissions with answers that have no redaction yet (sent before redaction began, or missed), oldest first. */
    List<UUID> missing(int limit) {
        return jdbc.prepareStatement("SELECT s.id FROM submission s WHERE s.status <> 'WITHDRAWN' AND NOT EXISTS "
                + "(SELECT 1 FROM redacted_answer r WHERE r.submission_id = s.id) ORDER BY s.submitted_at, s.id LIMIT ?",
                ps -> {
                    ps.setInt(1, limit);
                    List<UUID> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                });
    }

    /** The submission's kind, if it is not withdrawn and the viewer may see it. */
    Optional<SubmissionKind> visibleKind(UUID id, Viewer viewer) {
        return jdbc.prepareStatement("SELECT s.kind FROM submission s WHERE s.id = ? AND s.status <> 'WITHDRAWN'"
                + Visibility.submissions(viewer, "s"), ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SubmissionKind.valueOf(rs.getString(1)))
                        : Optional.<SubmissionKind>empty();
            }
        });
    }

    Optional<SubmissionKind> kind(UUID id) {
        return jdbc.prepareStatement("SELECT kind FROM submission WHERE id = ?", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SubmissionKind.valueOf(rs.getString(1)))
                        : Optional.<SubmissionKind>empty();
            }
        });
    }

    /** The reference of a submission that exists. */
    String reference(UUID id) {
        return jdbc.prepareStatement("SELECT reference FROM submission WHERE id = ?", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            T value = json.readValue(text, type);
            return value == null ? type.getType().cast(new LinkedHashMap<>()) : value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
