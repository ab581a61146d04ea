package org.carereview.consult.db;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One send is one record because the database says so, whatever the code above it does. */
class SentFromConstraintTest {

    @Test
    void aSecondRowForTheSameDraftIsRefusedByTheUniqueKey() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect()) {
            UUID first = submission(c, "EBE-AAAA-0001");
            UUID second = submission(c, "EBE-AAAA-0002");
            String draft = UUID.randomUUID().toString();
            insert(c, "EBE_APPLICATION", draft, first);
            SQLException refused = assertThrows(SQLException.class, () -> insert(c, "EBE_APPLICATION", draft, second));
            assertEquals("23505", refused.getSQLState(), refused.getMessage());
            assertEquals(1, count(c, "SELECT count(*) FROM sent_from WHERE source = '" + draft + "'"));
        }
    }

    @Test
    void oneSubmissionIsSentFromOneSourceOnly() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect()) {
            UUID only = submission(c, "CFA-AAAA-0003");
            insert(c, "CALL_FOR_ADVICE", UUID.randomUUID().toString(), only);
            SQLException refused = assertThrows(SQLException.class,
                    () -> insert(c, "CALL_FOR_ADVICE", UUID.randomUUID().toString(), only));
            assertEquals("23505", refused.getSQLState(), refused.getMessage());
        }
    }

    @Test
    void aClaimThatNamesNoSubmissionCannotBeCommitted() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect()) {
            c.setAutoCommit(false);
            insert(c, "DEEP_DIVE_FEEDBACK", "link/form", null);
            SQLException refused = assertThrows(SQLException.class, c::commit);
            assertEquals("23502", refused.getSQLState(), refused.getMessage());
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(0, count(c, "SELECT count(*) FROM sent_from"));
        }
    }

    @Test
    void deletingTheSubmissionDeletesWhereItWasSentFrom() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect()) {
            UUID id = submission(c, "DDF-AAAA-0004");
            insert(c, "DEEP_DIVE_FEEDBACK", "link/form", id);
            c.createStatement().execute("DELETE FROM submission WHERE id = '" + id + "'");
            assertEquals(0, count(c, "SELECT count(*) FROM sent_from"));
        }
    }

    private static UUID submission(Connection c, String reference) throws SQLException {
        String kind = switch (reference.substring(0, 3)) {
            case "CFA" -> "CALL_FOR_ADVICE";
            case "EBE" -> "EBE_APPLICATION";
            default -> "DEEP_DIVE_FEEDBACK";
        };
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO submission (kind, reference, submitted_at, "
                + "created_at, updated_at) VALUES (?, ?, now(), now(), now()) RETURNING id")) {
            ps.setString(1, kind);
            ps.setString(2, reference);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static void insert(Connection c, String kind, String source, UUID submission) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sent_from (kind, source, submission_id, sent_at) VALUES (?, ?, ?, now())")) {
            ps.setString(1, kind);
            ps.setString(2, source);
            ps.setObject(3, submission);
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
