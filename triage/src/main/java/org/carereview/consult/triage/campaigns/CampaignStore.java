package org.carereview.consult.triage.campaigns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.LiveSubmissions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The copy-and-paste campaigns ({@code submission_campaign}) and the redacted text they are found in. */
@Singleton
class CampaignStore {

    /** Receives each submission's redacted answers, joined (null: none). */
    interface Sink {
        void accept(UUID submission, @Nullable String text);
    }

    /** A group to store: its id and its members. */
    record Group(UUID id, List<UUID> members) {
    }

    /** The first visible member of a group: its reference and its redacted answers, joined (null: none). */
    record First(String reference, @Nullable String text) {
    }

    /** The redacted answers of each submission a group may hold, fields in name order, oldest submission first. */
    private static final String TEXTS = "SELECT s.id, (SELECT string_agg(a.value, ' ' ORDER BY a.key) "
            + "FROM jsonb_each_text(r.answers) a) AS text "
            + "FROM submission s JOIN redacted_answer r ON r.submission_id = s.id "
            + "WHERE s.withdrawn_at IS NULL" + Visibility.unflagged("s") + " ORDER BY s.created_at, s.id";

    private final JdbcOperations jdbc;

    CampaignStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every unwithdrawn, unflagged submission with redacted answers, oldest first, read through a cursor. */
    void texts(Sink sink) {
        jdbc.prepareStatement(TEXTS, ps -> {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return null;
        });
    }

    /** Replaces every stored group with these; answers how many submissions they hold. */
    int replaceAll(List<Group> groups, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.execute(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM submission_campaign")) {
                delete.executeUpdate();
            }
            int grouped = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO submission_campaign "
                    + "(submission_id, group_id, group_size, grouped_at) VALUES (?, ?, ?, ?)")) {
                for (Group group : groups) {
                    for (UUID member : group.members()) {
                        insert.setObject(1, member);
                        insert.setObject(2, group.id());
                        insert.setInt(3, group.members().size());
                        insert.setTimestamp(4, at);
                        insert.addBatch();
                        grouped++;
                    }
                    insert.executeBatch();
                }
            }
            return grouped;
        });
    }

    /** How many live members of each group given this viewer may see, groups of fewer than two left out. */
    Map<UUID, Integer> sizes(Collection<UUID> groups, boolean seesFlagged) {
        Map<UUID, Integer> sizes = new HashMap<>();
        String sql = "SELECT sc.group_id, count(*) FROM submission_campaign sc JOIN submission s ON s.id = sc.submission_id"
                + " WHERE sc.group_id = ANY(?)" + Visibility.submissions(seesFlagged, "s") + LiveSubmissions.only("s")
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

    /** The group the submission is in, if any. */
    Optional<UUID> groupOf(UUID submission) {
        return jdbc.prepareStatement("SELECT group_id FROM submission_campaign WHERE submission_id = ?",
                ps -> {
                    ps.setObject(1, submission);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
                    }
                });
    }

    /** The group's oldest live member this viewer may see. */
    Optional<First> first(UUID group, boolean seesFlagged) {
        String sql = "SELECT s.reference, (SELECT string_agg(a.value, ' ' ORDER BY a.key) FROM jsonb_each_text(r.answers) a)"
                + " FROM submission_campaign sc JOIN submission s ON s.id = sc.submission_id"
                + " JOIN redacted_answer r ON r.submission_id = s.id WHERE sc.group_id = ?"
                + Visibility.submissions(seesFlagged, "s") + LiveSubmissions.only("s")
                + " ORDER BY s.created_at, s.id LIMIT 1";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new First(rs.getString(1), rs.getString(2))) : Optional.<First>empty();
            }
        });
    }

    /** Up to {@code limit} members of a group, in id order. */
    List<UUID> members(UUID group, int limit) {
        return jdbc.prepareStatement("SELECT submission_id FROM submission_campaign WHERE group_id = ?"
                + " ORDER BY submission_id LIMIT " + limit, ps -> {
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
}
