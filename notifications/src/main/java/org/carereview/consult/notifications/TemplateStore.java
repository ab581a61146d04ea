package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The editable copies of message templates ({@code message_template}) and every saved version. */
@Singleton
@Requires(beans = DataSource.class)
class TemplateStore {

    /** One stored version of a template, with the address of whoever saved it (null when seeded). */
    record Row(String id, String subject, String body, int version, Instant at, @Nullable String by) {
    }

    private final JdbcOperations jdbc;

    TemplateStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<Row> current(String id) {
        return one("""
                SELECT t.id, t.subject, t.body, t.version, t.updated_at AS at, a.email AS by
                FROM message_template t LEFT JOIN account a ON a.id = t.updated_by WHERE t.id = ?""", id);
    }

    @Transactional(readOnly = true)
    List<Row> all() {
        return jdbc.prepareStatement("""
                SELECT t.id, t.subject, t.body, t.version, t.updated_at AS at, a.email AS by
                FROM message_template t LEFT JOIN account a ON a.id = t.updated_by ORDER BY t.id""",
                ps -> rows(ps.executeQuery()));
    }

    @Transactional(readOnly = true)
    List<Row> versions(String id) {
        return jdbc.prepareStatement("""
                SELECT v.template_id AS id, v.subject, v.body, v.version, v.created_at AS at, a.email AS by
                FROM message_template_version v LEFT JOIN account a ON a.id = v.created_by
                WHERE v.template_id = ? ORDER BY v.version DESC""", ps -> {
            ps.setString(1, id);
            return rows(ps.executeQuery());
        });
    }

    /** Inserts version 1 unless the template is already there; true if it was inserted. */
    @Transactional
    boolean seed(String id, String subject, String body, Instant now) {
        int inserted = jdbc.prepareStatement("""
                INSERT INTO message_template (id, subject, body, version, updated_at)
                VALUES (?, ?, ?, 1, ?) ON CONFLICT (id) DO NOTHING""", ps -> {
            ps.setString(1, id);
            ps.setString(2, subject);
            ps.setString(3, body);
            Sql.setInstant(ps, 4, now);
            return ps.executeUpdate();
        });
        if (inserted == 1) {
            addVersion(id, 1, subject, body, now, null);
        }
        return inserted == 1;
    }

    /** Saves a new version if the template is still at {@code expectedVersion}; false if someone was first. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    boolean update(String id, int expectedVersion, String subject, String body, Instant now, UUID editor) {
        int updated = jdbc.prepareStatement("""
                UPDATE message_template SET subject = ?, body = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ? AND version = ?""", ps -> {
            ps.setString(1, subject);
            ps.setString(2, body);
            Sql.setInstant(ps, 3, now);
            ps.setObject(4, editor);
            ps.setString(5, id);
            ps.setInt(6, expectedVersion);
            return ps.executeUpdate();
        });
        if (updated == 1) {
            addVersion(id, expectedVersion + 1, subject, body, now, editor);
        }
        return updated == 1;
    }

    private void addVersion(String id, int version, String subject, String body, Instant now, @Nullable UUID by) {
        jdbc.prepareStatement("""
                INSERT INTO message_template_version (template_id, version, subject, body, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, subject);
            ps.setString(4, body);
            Sql.setInstant(ps, 5, now);
            ps.setObject(6, by);
            return ps.executeUpdate();
        });
    }

    private Optional<Row> one(String sql, String id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, id);
            List<Row> found = rows(ps.executeQuery());
            return found.stream().findFirst();
        });
    }

    private static List<Row> rows(ResultSet rs) throws SQLException {
        try (rs) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Row(rs.getString("id"), rs.getString("subject"), rs.getString("body"),
                        rs.getInt("version"), Sql.getInstant(rs, "at"), rs.getString("by")));
            }
            return rows;
        }
    }
}
