package org.carereview.consult.triage.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.LiveSubmissions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The untagged submissions waiting for suggestions, and each run of the suggester ({@code tag_suggestion_run}) with
 * the suggestions it made ({@code tag_suggestion}). Callers hold the transaction.
 */
@Singleton
class SuggestionRunStore {

    /** A submission waiting for suggestions, with its redacted answers joined in field order (null: none). */
    record Due(UUID id, @Nullable String text) {
    }

    /** One suggestion to store: its frame ({@code THEME} or {@code DILEMMA}), code, confidence and similar ids. */
    record Made(String frame, String code, float confidence, String sentence, List<UUID> similar) {
    }

    private final JdbcOperations jdbc;

    SuggestionRunStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code batch} untagged live submissions no run has read yet, oldest first. */
    List<Due> due(int batch) {
        String due = "SELECT s.id, (SELECT string_agg(a.value, ' ' ORDER BY a.key) "
                + "FROM jsonb_each_text(r.answers) a) "
                + "FROM submission s JOIN redacted_answer r ON r.submission_id = s.id "
                + "WHERE s.themes = '{}'" + LiveSubmissions.only("s")
                + " AND NOT EXISTS (SELECT 1 FROM tag_suggestion_run t WHERE t.submission_id = s.id) "
                + "ORDER BY s.created_at, s.id LIMIT " + batch;
        return jdbc.prepareStatement(due, ps -> {
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return out;
        });
    }

    /**
     * Marks the submission read and stores its suggestions; answers how many were stored (0 when another node had
     * already read it, which then stores them instead).
     */
    int save(UUID id, List<Made> made, Instant now) {
        return jdbc.execute(c -> save(c, id, made, Timestamp.from(now)));
    }

    private static int save(Connection c, UUID id, List<Made> made, Timestamp now) throws SQLException {
        try (PreparedStatement run = c.prepareStatement("INSERT INTO tag_suggestion_run (submission_id, made_at) "
                + "VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            run.setObject(1, id);
            run.setTimestamp(2, now);
            if (run.executeUpdate() == 0) {
                return 0;
            }
        }
        int saved = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tag_suggestion (submission_id, frame, code, "
                + "confidence, sentence, similar_ids, made_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Made s : made) {
                insert.setObject(1, id);
                insert.setString(2, s.frame());
                insert.setString(3, s.code());
                insert.setFloat(4, s.confidence());
                insert.setString(5, s.sentence());
                insert.setArray(6, c.createArrayOf("uuid", s.similar().toArray()));
                insert.setTimestamp(7, now);
                saved += insert.executeUpdate();
            }
        }
        return saved;
    }
}
