package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranking by relevance within a bounded cost (ADR 0009). A search whose matches PostgreSQL estimates at no more
 * than {@code rankCandidates} ranks every match (found through the GIN index); a more common one (such as
 * "care") ranks only its newest {@code rankCandidates} matches, found by walking the recency index, so its
 * cost does not grow with the table. Either way at most {@code rankCandidates} rows are ranked.
 */
@Singleton
class Relevance {

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    private final JdbcOperations jdbc;
    private final TriageConfiguration configuration;

    Relevance(JdbcOperations jdbc, TriageConfiguration configuration) {
        this.jdbc = jdbc;
        this.configuration = configuration;
    }

    /** Whether the planner expects more matches than are ranked (from the statistics: no rows are read). */
    boolean common(Conditions where) {
        double rows = jdbc.prepareStatement("EXPLAIN (FORMAT JSON) SELECT 1 FROM submission s WHERE " + where.sql(), ps -> {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1));
                }
                Matcher m = PLAN_ROWS.matcher(plan);
                return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
            }
        });
        return rows > configuration.rankCandidates();
    }

    /**
     * The page query: its parameters are the search (for the rank), then the conditions', then the cursor's
     * (rank, time, id) if any, then the limit.
     */
    String page(String columns, Conditions where, boolean common, @Nullable PageCursor cursor) {
        String candidates = "SELECT " + columns + ", s.search_vector FROM submission s WHERE " + where.sql()
                + (common ? " ORDER BY s.submitted_at DESC, s.id DESC" : "") + " LIMIT " + configuration.rankCandidates();
        String ranked = "SELECT c.id, c.kind, c.reference, c.status, c.assignee_id, c.area_id, c.themes, c.dilemmas, "
                + "c.safeguarding, c.submitted_at, " + configuration.rankSql() + "(c.search_vector, " + Conditions.QUERY
                + ") AS rank FROM ("
                + candidates + ") c";
        return "SELECT * FROM (" + ranked + ") r"
                + (cursor == null ? "" : " WHERE (r.rank, r.submitted_at, r.id) < (?::real, ?, ?)")
                + " ORDER BY r.rank DESC, r.submitted_at DESC, r.id DESC LIMIT ?";
    }
}
