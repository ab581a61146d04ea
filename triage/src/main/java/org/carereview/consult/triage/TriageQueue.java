package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.triage.campaigns.Campaigns;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The queue over every channel: filtered, searched (PostgreSQL full text, English configuration), sorted
 * newest, oldest or by relevance, in keyset pages; ranking has a bounded cost ({@link Relevance}, ADR 0009). Flagged submissions are absent unless the viewer is the safeguarding lead or an administrator.
 */
@Singleton
public class TriageQueue {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String COLUMNS = "s.id, s.kind, s.reference, s.status, s.assignee_id, s.area_id, s.themes, "
            + "s.dilemmas, s.safeguarding, s.submitted_at";

    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final Areas areas;
    private final Relevance relevance;
    private final Campaigns campaigns;

    TriageQueue(JdbcOperations jdbc, Areas areas, Relevance relevance, Campaigns campaigns, AuditLog audit) {
        this.campaigns = campaigns;
        this.audit = audit;
        this.jdbc = jdbc;
        this.areas = areas;
        this.relevance = relevance;
    }

    /** One page of the queue as this viewer may see it; the read is audited as one LIST event with its filter. */
    @Transactional
    public TriagePage page(TriageFilter filter, Viewer viewer, @Nullable String after, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "Limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        PageCursor cursor = PageCursor.decode(after, filter.sort());
        Conditions where = Conditions.of(filter, viewer.seesFlagged(), areas.idOf(filter.area()));
        boolean relevance = filter.sort() == TriageSort.RELEVANCE;
        if (filter.searching()) {
            // Plan each search for its own words (a generic plan cannot tell a rare word from "care"), and never
            // spend a page's time budget compiling it (JIT starts at a cost a search over many rows can reach).
            jdbc.execute(c -> {
                try (var statement = c.createStatement()) {
                    return statement.execute("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL jit = off");
                }
            });
        }
        String page = relevance ? this.relevance.page(COLUMNS, where, this.relevance.candidates(where), cursor)
                : timePage(where, cursor, filter.sort());
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
        rows = inCampaigns(rows, viewer.seesFlagged());
        Integer rankedOnly = ranked[0] >= this.relevance.cap() ? this.relevance.cap() : null;
        audit.recordList(viewer.actorId(), AuditAction.LIST, ("triage " + filter.describe()).strip(),
                Math.min(rows.size(), size));
        if (rows.size() <= size) {
            return new TriagePage(rows, null, rankedOnly);
        }
        TriageItem last = rows.get(size - 1);
        return new TriagePage(List.copyOf(rows.subList(0, size)), new PageCursor(filter.sort(),
                last.rank() == null ? 0f : last.rank(), last.submittedAt(), last.id()).encode(), rankedOnly);
    }

    /** Each row's campaign size as this viewer may see it (ADR 0034); one visible member is no campaign. */
    private List<TriageItem> inCampaigns(List<TriageItem> rows, boolean seesFlagged) {
        Set<UUID> groups = new HashSet<>();
        rows.forEach(r -> {
            if (r.campaignGroup() != null) {
                groups.add(r.campaignGroup());
            }
        });
        if (groups.isEmpty()) {
            return rows;
        }
        Map<UUID, Integer> sizes = campaigns.sizes(groups, seesFlagged);
        return rows.stream().map(r -> r.campaignGroup() == null ? r : r.inCampaign(sizes.get(r.campaignGroup()))).toList();
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
                rs.getObject("assignee_id", UUID.class), rs.getString("slug"), strings(rs.getArray("themes")),
                strings(rs.getArray("dilemmas")), rs.getBoolean("safeguarding"),
                rs.getTimestamp("submitted_at").toInstant(), Snippets.parse(rs.getString("snippet")),
                relevance ? rank : null, rs.getObject("campaign_group", UUID.class), null);
    }

    static List<String> strings(Array array) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            values.add(o.toString());
        }
        return values;
    }
}
