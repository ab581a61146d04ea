package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranking by relevance within a bounded cost (ADR 0009): at most {@code rankCandidates} matches are ranked,
 * and finding them costs about as much as ranking them, however many matches there are. PostgreSQL's
 * statistics (no rows read) say how many rows the filters and words match:
 * <ul>
 *   <li>no more than {@code rankCandidates}: every match is ranked, found through the GIN index;</li>
 *   <li>more, in a small share of the rows (a selective word at scale): the newest {@code rankCandidates}
 *       matches, found week by week, newest weeks first, through the same index (V013);</li>
 *   <li>more, in a large share of the rows (such as "care"): the newest {@code rankCandidates} matches,
 *       found by walking the recency index, which meets a match every few rows.</li>
 * </ul>
 * {@link Candidates} holds the choice and writes its SQL.
 */
@Singleton
class Relevance {

    /**
     * The planner's rows for the scan of {@code submission s}, not the plan's top: the visibility rule's anti-join
     * with the learned check's queue (usually empty, and then guessed at by the planner) must not change the
     * estimate of how many rows match, or a common word would be ranked over every match.
     */
    private static final Pattern PLAN_ROWS = Pattern.compile(
            "\"Alias\"\\s*:\\s*\"s\"[^{}]*?\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");
    private static final Pattern TOP_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    private final JdbcOperations jdbc;
    private final TriageConfiguration configuration;

    Relevance(JdbcOperations jdbc, TriageConfiguration configuration) {
        this.jdbc = jdbc;
        this.configuration = configuration;
    }

    int cap() {
        return configuration.rankCandidates();
    }

    /**
     * How to find the candidates, from the planner's estimates of the matches and of the rows in the table, and
     * for a walk week by week, the weeks the table spans (two index lookups).
     */
    Candidates candidates(Conditions where) {
        double matches = estimate("SELECT 1 FROM submission s WHERE " + where.sql(), where);
        if (matches <= cap()) {
            return Candidates.EVERY_MATCH;
        }
        double rows = estimate("SELECT 1 FROM submission s", null);
        if (Candidates.way(matches, rows, cap()) == Candidates.Way.NEWEST_BY_WALK) {
            return Candidates.NEWEST_BY_WALK;
        }
        return jdbc.prepareStatement("SELECT submission_week(max(submitted_at)), submission_week(min(submitted_at)) "
                + "FROM submission", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int newest = rs.getInt(1);
                if (rs.wasNull()) {
                    return Candidates.EVERY_MATCH;
                }
                int oldest = rs.getInt(2);
                return new Candidates(Candidates.Way.NEWEST_BY_WEEK, newest, oldest,
                        Candidates.weeksPerStep(matches, newest - oldest + 1, cap()));
            }
        });
    }

    private double estimate(String query, @Nullable Conditions where) {
        return jdbc.prepareStatement("EXPLAIN (FORMAT JSON) " + query, ps -> {
            if (where != null) {
                where.bind(ps, 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1));
                }
                Matcher m = PLAN_ROWS.matcher(plan);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
                Matcher top = TOP_ROWS.matcher(plan);
                return top.find() ? Double.parseDouble(top.group(1)) : Double.MAX_VALUE;
            }
        });
    }

    /**
     * The page query: its parameters are the search (for the rank), then the conditions', then the cursor's
     * (rank, time, id) if any, then the limit. Candidates carry only what ranking needs (id, time, vector); the
     * page's rows are read again by id once ranked, so ranking a thousand costs no more than it must. Each row
     * says how many candidates were ranked, so a page can tell when the cap was reached.
     */
    String page(String columns, Conditions where, Candidates how, @Nullable PageCursor cursor) {
        String select = "SELECT s.id, s.submitted_at, s.search_vector FROM submission s WHERE " + where.sql();
        String candidates = how.sql(select, cap());
        String ranked = "SELECT c.id, c.submitted_at, " + configuration.rankSql() + "(c.search_vector, "
                + Conditions.QUERY + ") AS rank, count(*) OVER () AS ranked FROM (" + candidates + ") c";
        String top = "SELECT * FROM (" + ranked + ") r"
                + (cursor == null ? "" : " WHERE (r.rank, r.submitted_at, r.id) < (?::real, ?, ?)")
                + " ORDER BY r.rank DESC, r.submitted_at DESC, r.id DESC LIMIT ?";
        return "SELECT " + columns + ", r.rank, r.ranked FROM (" + top + ") r JOIN submission s ON s.id = r.id";
    }
}
