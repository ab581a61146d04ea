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
 *       matches, found week by week, newest week first, through the same index (V013);</li>
 *   <li>more, in a large share of the rows (such as "care"): the newest {@code rankCandidates} matches,
 *       found by walking the recency index, which meets a match every few rows.</li>
 * </ul>
 */
@Singleton
class Relevance {

    /** Walk the recency index when at least this share of rows match: it then reads under 5 rows a match. */
    static final double WALK_SHARE = 0.2;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    /** How a search finds the matches it ranks. */
    enum Candidates {
        EVERY_MATCH, NEWEST_BY_WEEK, NEWEST_BY_WALK;

        static Candidates choose(double matches, double rows, int cap) {
            if (matches <= cap) {
                return EVERY_MATCH;
            }
            return rows > 0 && matches / rows < WALK_SHARE ? NEWEST_BY_WEEK : NEWEST_BY_WALK;
        }
    }

    private final JdbcOperations jdbc;
    private final TriageConfiguration configuration;

    Relevance(JdbcOperations jdbc, TriageConfiguration configuration) {
        this.jdbc = jdbc;
        this.configuration = configuration;
    }

    int cap() {
        return configuration.rankCandidates();
    }

    /** How to find the candidates, from the planner's estimates of the matches and of the rows in the table. */
    Candidates candidates(Conditions where) {
        double matches = estimate("SELECT 1 FROM submission s WHERE " + where.sql(), where);
        double rows = matches <= cap() ? 0 : estimate("SELECT 1 FROM submission s", null);
        return Candidates.choose(matches, rows, cap());
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
                return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
            }
        });
    }

    /**
     * The page query: its parameters are the search (for the rank), then the conditions', then the cursor's
     * (rank, time, id) if any, then the limit. Each row says how many candidates were ranked, so a page can
     * tell when the cap was reached.
     */
    String page(String columns, Conditions where, Candidates how, @Nullable PageCursor cursor) {
        String select = "SELECT " + columns + ", s.search_vector FROM submission s WHERE " + where.sql();
        String newest = " ORDER BY s.submitted_at DESC, s.id DESC";
        String candidates = switch (how) {
            case EVERY_MATCH -> select;
            case NEWEST_BY_WALK -> select + newest;
            case NEWEST_BY_WEEK -> "SELECT c.* FROM generate_series("
                    + "(SELECT submission_week(max(submitted_at)) FROM submission), "
                    + "(SELECT submission_week(min(submitted_at)) FROM submission), -1) w(week) CROSS JOIN LATERAL ("
                    + select + " AND ARRAY[submission_week(s.submitted_at)] && ARRAY[w.week]" + newest + ") c";
        } + " LIMIT " + cap();
        String ranked = "SELECT c.id, c.kind, c.reference, c.status, c.assignee_id, c.area_id, c.themes, c.dilemmas, "
                + "c.safeguarding, c.submitted_at, " + configuration.rankSql() + "(c.search_vector, " + Conditions.QUERY
                + ") AS rank, count(*) OVER () AS ranked FROM (" + candidates + ") c";
        return "SELECT * FROM (" + ranked + ") r"
                + (cursor == null ? "" : " WHERE (r.rank, r.submitted_at, r.id) < (?::real, ?, ?)")
                + " ORDER BY r.rank DESC, r.submitted_at DESC, r.id DESC LIMIT ?";
    }
}
