package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The queue's pages of submissions: in keyset pages newest or oldest first, or ranked by relevance, with snippets. */
@Singleton
class QueueStore {

    /** A page's rows (one more than asked when there are more), and how many candidates were ranked (0: none). */
    record Rows(List<TriageItem> items, long ranked) {
    }

    private static final String COLUMNS = "s.id, s.kind, s.reference, s.status, s.assignee_id, s.area_id, s.themes, "
            + "s.dilemmas, s.safeguarding, s.submitted_at";

    private final JdbcOperations jdbc;
    private final TriageConfiguration configuration;

    QueueStore(JdbcOperations jdbc, TriageConfiguration configuration) {
        this.jdbc = jdbc;
        this.configuration = configuration;
    }

    /** Plans the rest of the transaction's statements each for its own parameters, with no JIT compiling. */
    void planEachSearch() {
        jdbc.execute(c -> {
            try (var statement = c.createStatement()) {
                return statement.execute("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL jit = off");
            }
        });
    }

    /**
     * Up to {@code size + 1} rows of the queue after the cursor, for the filter as this viewer may see it: ranked by
     * relevance when {@code how} finds the candidates (at most {@code cap}), otherwise by time in the filter's order.
     */
    Rows page(TriageFilter filter, boolean flaggedVisible, @Nullable UUID areaId, @Nullable Candidates how, int cap,
              @Nullable PageCursor cursor, int size) {
        Conditions where = Conditions.of(filter, flaggedVisible, areaId);
        boolean relevance = how != null;
        String page = relevance ? rankedPage(where, how, cap, cursor) : timePage(where, cursor, filter.sort());
        String order = relevance ? "p.rank DESC, p.submitted_at DESC, p.id DESC"
                : filter.sort() == TriageSort.OLDEST ? "p.submitted_at, p.id" : "p.submitted_at DESC, p.id DESC";
        String sql = "SELECT p.*, a.slug, sc.group_id AS campaign_group, " + (filter.searching() ? Snippets.SQL : "NULL")
                + " AS snippet FROM (" + page + ") p LEFT JOIN area a ON a.id = p.area_id"
                + " LEFT JOIN submission_campaign sc ON sc.submission_id = p.id"
                + (filter.searching() ? " LEFT JOIN submission t ON t.id = p.id" : "")
                + " ORDER BY " + order;
        long[] ranked = {0};
        List<TriageItem> rows = jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            if (filter.searching()) {
                ps.setString(i++, filter.q());
                ps.setString(i++, Snippets.OPTIONS);
            }
            i = bindPage(ps, i, where, cursor, relevance, filter.q(), size);
            List<TriageItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs, relevance));
                    ranked[0] = relevance ? rs.getLong("ranked") : 0;
                }
            }
            return items;
        });
        return new Rows(rows, ranked[0]);
    }

    /**
     * The page query: its parameters are the search (for the rank), then the conditions', then the cursor's
     * (rank, time, id) if any, then the limit. Candidates carry only what ranking needs (id, time, vector); the
     * page's rows are read again by id once ranked, so ranking a thousand costs no more than it must. Each row
     * says how many candidates were ranked, so a page can tell when the cap was reached.
     */
    private String rankedPage(Conditions where, Candidates how, int cap, @Nullable PageCursor cursor) {
        String select = "SELECT s.id, s.submitted_at, s.search_vector FROM submission s WHERE " + where.sql();
        String candidates = how.sql(select, cap);
        String ranked = "SELECT c.id, c.submitted_at, " + configuration.rankSql() + "(c.search_vector, "
                + Conditions.QUERY + ") AS rank, count(*) OVER () AS ranked FROM (" + candidates + ") c";
        String top = "SELECT * FROM (" + ranked + ") r"
                + (cursor == null ? "" : " WHERE (r.rank, r.submitted_at, r.id) < (?::real, ?, ?)")
                + " ORDER BY r.rank DESC, r.submitted_at DESC, r.id DESC LIMIT ?";
        return "SELECT " + COLUMNS + ", r.rank, r.ranked FROM (" + top + ") r JOIN submission s ON s.id = r.id";
    }

    private static String timePage(Conditions where, @Nullable PageCursor cursor, TriageSort sort) {
        boolean newest = sort == TriageSort.NEWEST;
        String keyset = cursor == null ? "" : newest ? " AND (s.submitted_at, s.id) < (?, ?)" : " AND (s.submitted_at, s.id) > (?, ?)";
        return "SELECT " + COLUMNS + ", NULL::real AS rank FROM submission s WHERE " + where.sql() + keyset
                + (newest ? " ORDER BY s.submitted_at DESC, s.id DESC" : " ORDER BY s.submitted_at, s.id") + " LIMIT ?";
    }

    private static int bindPage(PreparedStatement ps, int first, Conditions where, @Nullable PageCursor cursor,
                                boolean relevance, @Nullable String q, int size) throws SQLException {
        int i = first;
        if (relevance) {
            ps.setString(i++, q);
        }
        i = where.bind(ps, i);
        if (cursor != null) {
            if (relevance) {
                ps.setFloat(i++, cursor.rank());
            }
            ps.setTimestamp(i++, Timestamp.from(cursor.submittedAt()));
            ps.setObject(i++, cursor.id());
        }
        ps.setInt(i++, size + 1);
        return i;
    }

    private static TriageItem item(ResultSet rs, boolean relevance) throws SQLException {
        float rank = rs.getFloat("rank");
        return new TriageItem(rs.getObject("id", UUID.class), SubmissionKind.valueOf(rs.getString("kind")),
                rs.getString("reference"), SubmissionStatus.valueOf(rs.getString("status")),
                rs.getObject("assignee_id", UUID.class), rs.getString("slug"),
                SubmissionStore.strings(rs.getArray("themes")), SubmissionStore.strings(rs.getArray("dilemmas")),
                rs.getBoolean("safeguarding"),
                rs.getTimestamp("submitted_at").toInstant(), Snippets.parse(rs.getString("snippet")),
                relevance ? rank : null, rs.getObject("campaign_group", UUID.class), null);
    }
}
