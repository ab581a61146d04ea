package org.carereview.consult.db;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search index's week (submission_week) is folded into each statement, and is the week it always was. */
class SubmissionWeekTest {

    @Test
    void submissionWeekIsInlinedSoNoStatementRunsItsBodyAsAFunction() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect()) {
            String plan = plan(c, "EXPLAIN VERBOSE SELECT submission_week(now())");
            assertFalse(plan.contains("submission_week("), plan);
            assertTrue(plan.contains("floor("), plan);
        }
    }

    @Test
    void givesTheWeekTheFirstDefinitionGaveInEveryTimeZone() throws SQLException {
        // V013's body, against the function as it now is: every week's first and last microsecond from 1901 to
        // 2200, and instants a few hours and odd seconds apart between them.
        String differing = """
                SELECT count(*) FROM (
                    SELECT timestamptz '1970-01-01 00:00:00+00' + k * interval '604800 seconds' + d AS at
                    FROM generate_series(-3600, 12000) k, unnest(ARRAY[interval '-1 microsecond', interval '0']) d
                    UNION ALL
                    SELECT at FROM generate_series(timestamptz '1901-01-01', timestamptz '2200-01-01',
                                                   interval '7 hours 13 minutes 11.000007 seconds') at) t
                WHERE submission_week(at) <> floor(extract(epoch FROM at) / 604800)::integer""";
        try (Connection c = TestDatabase.fresh().connect(); Statement s = c.createStatement()) {
            for (String zone : List.of("UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham")) {
                s.execute("SET TimeZone = '" + zone + "'");
                try (ResultSet rs = s.executeQuery(differing)) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "instants whose week changed, in " + zone);
                }
            }
        }
    }

    @Test
    void searchByWeekStillFindsItsRowsThroughTheSearchIndex() throws SQLException {
        try (Connection c = TestDatabase.fresh().connect(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO submission (kind, reference, submitted_at, created_at, updated_at, search_vector)
                    SELECT 'CALL_FOR_ADVICE', 'CFA-' || upper(lpad(to_hex(i), 4, '0')) || '-AAAA',
                           timestamptz '2026-01-05 12:00+00' + i * interval '1 day', now(), now(),
                           to_tsvector('english', CASE WHEN i % 3 = 0 THEN 'housing help' ELSE 'family time' END)
                    FROM generate_series(1, 60) i""");
            String query = "SELECT count(*) FROM submission WHERE search_vector @@ to_tsquery('english', 'housing')"
                    + " AND ARRAY[submission_week(submitted_at)] && ARRAY[submission_week(timestamptz '2026-02-02')]";
            try (ResultSet rs = s.executeQuery(query)) {
                rs.next();
                // Weeks start on a Thursday (1 January 1970 was one): Thursday 29 January to Wednesday 4 February
                // 2026 holds days 24 to 30, and every third day mentions housing.
                assertEquals(3, rs.getLong(1), "days 24, 27 and 30");
            }
            s.execute("SET enable_seqscan = off");
            String plan = plan(c, "EXPLAIN " + query);
            assertTrue(plan.contains("submission_search"), plan);
        }
    }

    private static String plan(Connection c, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(explain)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
