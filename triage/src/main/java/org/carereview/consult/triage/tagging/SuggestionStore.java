package org.carereview.consult.triage.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.LiveSubmissions;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored suggestions (ADR 0035, {@code tag_suggestion}): written by {@link SuggestionMaker}, read for one
 * viewer with the similar submissions that viewer may see, and decided by a person. Callers hold the transaction.
 */
@Singleton
public class SuggestionStore {

    /** One stored suggestion; {@code similar} are the references (and ids) of tagged submissions the reader may see. */
    public record Stored(UUID submission, String reference, String frame, String code, float confidence, String sentence,
                         String state, List<UUID> similarIds, List<String> similarReferences) {
    }

    /** A suggestion's columns; {@code %1$s}: what a similar submission {@code o} must be to be named (in its join). */
    private static final String COLUMNS = "ts.submission_id, (SELECT own.reference FROM submission own "
            + "WHERE own.id = ts.submission_id), ts.frame, ts.code, ts.confidence, ts.sentence, ts.state, "
            + "ARRAY(SELECT o.id FROM unnest(ts.similar_ids) WITH ORDINALITY u (id, n) "
            + "JOIN submission o ON o.id = u.id%1$s ORDER BY u.n) AS similar_ids, "
            + "ARRAY(SELECT o.reference FROM unnest(ts.similar_ids) WITH ORDINALITY u (id, n) "
            + "JOIN submission o ON o.id = u.id%1$s ORDER BY u.n) AS similar_refs";

    private final JdbcOperations jdbc;

    SuggestionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every suggestion for the submission, themes first, most confident first. */
    public List<Stored> of(UUID submission, boolean seesFlagged) {
        return query("SELECT " + columns(seesFlagged) + " FROM tag_suggestion ts WHERE ts.submission_id = ?"
                + " ORDER BY ts.frame DESC, ts.confidence DESC, ts.code", submission);
    }

    /** The open suggestion of one code, locked; empty when there is none (never made, or already decided). */
    public Optional<Stored> openLocked(UUID submission, String frame, String code) {
        return query("SELECT " + columns(true) + " FROM tag_suggestion ts WHERE ts.submission_id = ? AND ts.frame = ?"
                + " AND ts.code = ? AND ts.state = 'OPEN' FOR UPDATE", submission, frame, code).stream().findFirst();
    }

    /**
     * Submissions this viewer may see with an open suggestion of one code (or of any code of the frame, or of any
     * code, when those are null), most confident first, at most {@code limit}: the page that decides many at once.
     */
    public List<Stored> openFor(@Nullable String frame, @Nullable String code, boolean seesFlagged, int limit) {
        return query("SELECT " + columns(seesFlagged) + " FROM tag_suggestion ts JOIN submission s ON s.id = ts.submission_id"
                + " WHERE ts.state = 'OPEN' AND (?::text IS NULL OR ts.frame = ?) AND (?::text IS NULL OR ts.code = ?)"
                + LiveSubmissions.only("s") + Visibility.submissions(seesFlagged, "s")
                + " ORDER BY ts.confidence DESC, s.id, ts.code LIMIT " + limit, frame, frame, code, code);
    }

    public void decide(UUID submission, String frame, String code, String state, UUID by, Instant at) {
        jdbc.prepareStatement("UPDATE tag_suggestion SET state = ?, decided_by = ?, decided_at = ? "
                + "WHERE submission_id = ? AND frame = ? AND code = ? AND state = 'OPEN'", ps -> {
            ps.setString(1, state);
            ps.setObject(2, by);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, submission);
            ps.setString(5, frame);
            ps.setString(6, code);
            return ps.executeUpdate();
        });
    }

    private static String columns(boolean seesFlagged) {
        return COLUMNS.formatted(LiveSubmissions.only("o") + Visibility.submissions(seesFlagged, "o"));
    }

    private List<Stored> query(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getFloat(5), rs.getString(6), rs.getString(7), uuids(rs.getArray(8)), strings(rs.getArray(9))));
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        List<UUID> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add((UUID) o);
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(o.toString());
        }
        return out;
    }
}
