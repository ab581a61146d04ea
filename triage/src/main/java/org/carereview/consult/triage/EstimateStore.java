package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's statistics on the submissions (no rows read): how many rows a filter matches, how many there are,
 * and the weeks they span (two index lookups). Callers hold the transaction.
 */
@Singleton
class EstimateStore {

    /** The newest and oldest weeks ({@code submission_week}) any submission was sent in. */
    record Weeks(int newest, int oldest) {
    }

    /**
     * The planner's rows for the scan of {@code submission s}, not the plan's top: the visibility rule's anti-join
     * with the learned check's queue (usually empty, and then guessed at by the planner) must not change the
     * estimate of how many rows match, or a common word would be ranked over every match.
     */
    private static final Pattern PLAN_ROWS = Pattern.compile(
            "\"Alias\"\\s*:\\s*\"s\"[^{}]*?\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");
    private static final Pattern TOP_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    private final JdbcOperations jdbc;

    EstimateStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The planner's estimate of the submissions the queue's filters match for this viewer. */
    double matches(TriageFilter filter, boolean flaggedVisible, @Nullable UUID areaId) {
        Conditions where = Conditions.of(filter, flaggedVisible, areaId);
        return estimate("SELECT 1 FROM submission s WHERE " + where.sql(), where);
    }

    /** The planner's estimate of the rows in the table. */
    double rows() {
        return estimate("SELECT 1 FROM submission s", null);
    }

    /** The weeks the submissions span; empty when there are none. */
    Optional<Weeks> weeks() {
        return jdbc.prepareStatement("SELECT submission_week(max(submitted_at)), submission_week(min(submitted_at)) "
                + "FROM submission", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int newest = rs.getInt(1);
                if (rs.wasNull()) {
                    return Optional.<Weeks>empty();
                }
                return Optional.of(new Weeks(newest, rs.getInt(2)));
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
}
