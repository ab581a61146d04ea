package org.carereview.consult.core.submission;

import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The live rule, in Java and in SQL against the real database: a submission of every status, and only those
 * neither held back as possible spam nor withdrawn are live.
 */
class LiveSubmissionsTest {

    /** Written out here rather than derived, so that a change to the rule has to change this test too. */
    private static final Set<SubmissionStatus> LIVE = EnumSet.of(SubmissionStatus.NEW, SubmissionStatus.IN_REVIEW,
            SubmissionStatus.ACTIONED, SubmissionStatus.ARCHIVED);

    @Test
    void aLiveSubmissionIsNeitherHeldBackAsSpamNorWithdrawn() {
        for (SubmissionStatus status : SubmissionStatus.values()) {
            assertEquals(LIVE.contains(status), status.live(), status.name());
        }
    }

    @Test
    void theConditionSelectsExactlyTheSubmissionsNeitherQuarantinedNorWithdrawn() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect()) {
            insertOneOfEveryStatus(c);
            assertEquals(LIVE, statuses(c, "SELECT s.status FROM submission s WHERE s.reference LIKE 'CFA-LIVE-%'"
                    + LiveSubmissions.only("s")));
            assertEquals(LIVE, statuses(c, "SELECT status FROM submission WHERE reference LIKE 'CFA-LIVE-%'"
                    + LiveSubmissions.only("")));
            assertEquals(EnumSet.allOf(SubmissionStatus.class),
                    statuses(c, "SELECT status FROM submission WHERE reference LIKE 'CFA-LIVE-%'"));
        }
    }

    @Test
    void theConditionIsAnAndForAnAliasedOrABareTable() {
        assertEquals(" AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN')", LiveSubmissions.only("s"));
        assertEquals(" AND status NOT IN ('QUARANTINED', 'WITHDRAWN')", LiveSubmissions.only(""));
    }

    private static void insertOneOfEveryStatus(Connection c) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2026-03-02T10:00:00Z"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO submission (kind, reference, status, submitted_at, "
                + "created_at, updated_at) VALUES ('CALL_FOR_ADVICE', ?, ?, ?, ?, ?)")) {
            for (SubmissionStatus status : SubmissionStatus.values()) {
                ps.setString(1, "CFA-LIVE-000" + status.ordinal());
                ps.setString(2, status.name());
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                ps.setTimestamp(5, now);
                ps.executeUpdate();
            }
        }
    }

    private static Set<SubmissionStatus> statuses(Connection c, String sql) throws SQLException {
        Set<SubmissionStatus> found = EnumSet.noneOf(SubmissionStatus.class);
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(SubmissionStatus.valueOf(rs.getString(1)));
            }
        }
        return found;
    }
}
