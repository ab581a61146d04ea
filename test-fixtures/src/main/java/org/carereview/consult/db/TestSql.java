package org.carereview.consult.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the test's own database directly, to check what the application stored. */
public final class TestSql {

    private TestSql() {
    }

    /** The first column of every row, as strings. */
    public static List<String> column(DataSource dataSource, String sql, Object... args) {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Test query failed: " + sql, e);
        }
    }

    /** Runs one statement that returns no rows (an update, ANALYZE). */
    public static void execute(DataSource dataSource, String sql, Object... args) {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Test statement failed: " + sql, e);
        }
    }

    /**
     * Runs {@code action} with {@code table} renamed away, so every statement that reads or writes it fails as a
     * database that refuses it would, and renames it back whatever happens.
     */
    public static void withTableAway(DataSource dataSource, String table, Runnable action) {
        execute(dataSource, "ALTER TABLE " + table + " RENAME TO " + table + "_away");
        try {
            action.run();
        } finally {
            execute(dataSource, "ALTER TABLE " + table + "_away RENAME TO " + table);
        }
    }

    public static long count(DataSource dataSource, String sql, Object... args) {
        return Long.parseLong(column(dataSource, sql, args).get(0));
    }

    /** The one-time token at the end of the link in the newest message of this template to this address. */
    public static String lastLinkToken(DataSource dataSource, String template, String recipient) {
        List<String> links = column(dataSource, "SELECT fields->>'link' FROM outbox_message "
                + "WHERE template = ? AND recipient = ? ORDER BY created_at DESC, id DESC LIMIT 1", template, recipient);
        if (links.isEmpty()) {
            throw new AssertionError("No " + template + " message to " + recipient);
        }
        String link = links.get(0);
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
