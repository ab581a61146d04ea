package org.carereview.consult.triage.campaigns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading the stored campaigns (ADR 0034) as one member of staff may see them: a group's size is counted at the
 * time of reading over the members that viewer may see and that are neither withdrawn nor quarantined, so it
 * never counts a submission flagged since the last regrouping; a "group" a viewer sees only one member of is none.
 */
@Singleton
public class Campaigns {

    /** The most submissions one bulk change may reach through a group. */
    public static final int MAX_MEMBERS = 5_000;

    private static final String LIVE = " AND s.status NOT IN ('QUARANTINED', 'WITHDRAWN')";

    /**
     * One submission's campaign: its id, how many this viewer may see, and the text the copies share, as the first
     * submission of the group that this viewer may see sent it (redacted), with that submission's reference.
     */
    @Serdeable
    public record Campaign(UUID group, int size, String sharedText, String firstReference) {
    }

    private final JdbcOperations jdbc;

    Campaigns(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The visible size of each group given, groups of fewer than two left out. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> sizes(Collection<UUID> groups, boolean seesFlagged) {
        Map<UUID, Integer> sizes = new HashMap<>();
        if (groups.isEmpty()) {
            return sizes;
        }
        String sql = "SELECT sc.group_id, count(*) FROM submission_campaign sc JOIN submission s ON s.id = sc.submission_id"
                + " WHERE sc.group_id = ANY(?)" + Visibility.submissions(seesFlagged, "s") + LIVE
                + " GROUP BY sc.group_id HAVING count(*) >= 2";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", groups.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
            return sizes;
        });
    }

    /** The campaign the submission is in, as this viewer sees it; empty when it is in none. */
    @Transactional(readOnly = true)
    public Optional<Campaign> of(UUID submission, boolean seesFlagged) {
        Optional<UUID> group = jdbc.prepareStatement("SELECT group_id FROM submission_campaign WHERE submission_id = ?",
                ps -> {
                    ps.setObject(1, submission);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
                    }
                });
        return group.flatMap(g -> group(g, seesFlagged));
    }

    /** A campaign by its id, as this viewer sees it; empty when there is no such group (or only one visible member). */
    @Transactional(readOnly = true)
    public Optional<Campaign> group(UUID group, boolean seesFlagged) {
        String sql = "SELECT s.reference, (SELECT string_agg(a.value, ' ' ORDER BY a.key) FROM jsonb_each_text(r.answers) a)"
                + " FROM submission_campaign sc JOIN submission s ON s.id = sc.submission_id"
                + " JOIN redacted_answer r ON r.submission_id = s.id WHERE sc.group_id = ?"
                + Visibility.submissions(seesFlagged, "s") + LIVE + " ORDER BY s.created_at, s.id LIMIT 1";
        Optional<Campaign> first = jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Campaign(group, 0, text(rs.getString(2)), rs.getString(1)))
                        : Optional.<Campaign>empty();
            }
        });
        return first.flatMap(c -> Optional.ofNullable(sizes(List.of(group), seesFlagged).get(group))
                .map(size -> new Campaign(group, size, c.sharedText(), c.firstReference())));
    }

    /** Up to {@link #MAX_MEMBERS} + 1 members of a group, in id order (a caller re-checks each as it reads it). */
    @Transactional(readOnly = true)
    public List<UUID> members(UUID group) {
        return jdbc.prepareStatement("SELECT submission_id FROM submission_campaign WHERE group_id = ?"
                + " ORDER BY submission_id LIMIT " + (MAX_MEMBERS + 1), ps -> {
            ps.setObject(1, group);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    private static String text(@Nullable String joined) {
        return joined == null ? "" : joined;
    }
}
