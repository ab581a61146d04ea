package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.redaction.Redactor;
import org.carereview.consult.core.submission.LiveSubmissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL for scoring. The anonymised read selects only the columns a scorer may see, and what the applicant wrote
 * reaches scorers with people's names, contact details, addresses, birth dates, schools and placements
 * replaced ({@link Redactor}): a story can name its writer.
 */
@Singleton
class ScoringStore {

    /**
     * The applicant's answers as redacted when they applied (with staff corrections), or as written where no
     * redaction is stored yet, to be redacted on reading ({@link #map}).
     */
    private static final String ANSWERS = "coalesce(r.answers ->> 'experienceStory', a.experience_story), "
            + "coalesce(r.answers ->> 'motivation', a.motivation), coalesce(r.answers ->> 'availability', a.availability), ";
    private static final String REDACTED = "LEFT JOIN redacted_answer r ON r.submission_id = s.id ";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Redactor redactor;

    ScoringStore(JdbcOperations jdbc, JsonMapper json, Redactor redactor) {
        this.jdbc = jdbc;
        this.json = json;
        this.redactor = redactor;
    }

    /** Applications still being decided (submitted or shortlisted), oldest first, keyset after (submitted_at, id). */
    List<ScoringItem> toScore(UUID scorer, boolean includeFlagged, @Nullable ApplicationStore.After after, int limit) {
        String sql = "SELECT s.id, s.reference, a.experiences, " + ANSWERS
                + "(SELECT count(*) FROM ebe_score x WHERE x.submission_id = s.id), "
                + "(SELECT avg(x.total) FROM ebe_score x WHERE x.submission_id = s.id), "
                + "(SELECT x.criteria::text FROM ebe_score x WHERE x.submission_id = s.id AND x.scorer_id = ?), "
                + "s.submitted_at, r.submission_id IS NOT NULL "
                + "FROM submission s JOIN ebe_application a ON a.submission_id = s.id " + REDACTED
                + "WHERE a.outcome IN ('SUBMITTED', 'SHORTLISTED')" + LiveSubmissions.only("s") + " "
                + Visibility.submissions(includeFlagged, "s") + " "
                + (after == null ? "" : "AND (s.submitted_at, s.id) > (?, ?) ")
                + "ORDER BY s.submitted_at, s.id LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setObject(i++, scorer);
            if (after != null) {
                ps.setTimestamp(i++, Timestamp.from(after.submittedAt()));
                ps.setObject(i++, after.id());
            }
            ps.setInt(i, limit);
            List<ScoringItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(map(rs));
                }
            }
            return items;
        });
    }

    /** One application to score, anonymised like the list; empty if it is not open for scoring by this reader. */
    java.util.Optional<ScoringItem> one(UUID scorer, UUID id, boolean includeFlagged) {
        String sql = "SELECT s.id, s.reference, a.experiences, " + ANSWERS
                + "(SELECT count(*) FROM ebe_score x WHERE x.submission_id = s.id), "
                + "(SELECT avg(x.total) FROM ebe_score x WHERE x.submission_id = s.id), "
                + "(SELECT x.criteria::text FROM ebe_score x WHERE x.submission_id = s.id AND x.scorer_id = ?), "
                + "s.submitted_at, r.submission_id IS NOT NULL "
                + "FROM submission s JOIN ebe_application a ON a.submission_id = s.id " + REDACTED
                + "WHERE s.id = ? AND a.outcome IN ('SUBMITTED', 'SHORTLISTED')" + LiveSubmissions.only("s") + " "
                + Visibility.submissions(includeFlagged, "s") + " ";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, scorer);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(map(rs)) : java.util.Optional.<ScoringItem>empty();
            }
        });
    }

    Instant submittedAt(UUID id) {
        return jdbc.prepareStatement("SELECT submitted_at FROM submission WHERE id = ?", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        });
    }

    /** Inserts the scorer's score; false if they have already scored this application. */
    boolean insert(UUID application, UUID scorer, Map<String, Integer> criteria, int total, @Nullable String comment,
                   Instant now) {
        return jdbc.prepareStatement("INSERT INTO ebe_score (submission_id, scorer_id, criteria, total, comment, created_at) "
                + "VALUES (?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setObject(1, application);
            ps.setObject(2, scorer);
            ps.setString(3, write(criteria));
            ps.setInt(4, total);
            ps.setString(5, comment);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        });
    }

    /** Whether this application can be scored by this reader (exists, open for scoring, visible to them). */
    boolean scorable(UUID id, boolean includeFlagged) {
        return jdbc.prepareStatement("SELECT 1 FROM submission s JOIN ebe_application a ON a.submission_id = s.id "
                + "WHERE s.id = ? AND a.outcome IN ('SUBMITTED', 'SHORTLISTED')" + LiveSubmissions.only("s")
                + Visibility.submissions(includeFlagged, "s"), ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private ScoringItem map(ResultSet rs) throws SQLException {
        Array experiences = rs.getArray(3);
        double average = rs.getDouble(8);
        boolean scored = !rs.wasNull();
        String mine = rs.getString(9);
        return new ScoringItem(rs.getObject(1, UUID.class), rs.getString(2),
                experiences == null ? List.of() : Arrays.asList((String[]) experiences.getArray()),
                redacted(rs, 4), redacted(rs, 5), redacted(rs, 6), rs.getInt(7),
                scored ? Math.round(average * 10) / 10.0 : null, mine == null ? null : read(mine));
    }

    /** The answer in this column, redacted: as stored, or redacted now where none is stored yet (column 11). */
    @Nullable
    private String redacted(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null || rs.getBoolean(11) ? text : redactor.redact(text).text();
    }

    private String write(Map<String, Integer> criteria) {
        try {
            return json.writeValueAsString(criteria);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Integer> read(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Integer.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
