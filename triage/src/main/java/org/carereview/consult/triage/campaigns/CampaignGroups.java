package org.carereview.consult.triage.campaigns;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Stores the copy-and-paste campaigns (ADR 0034) in {@code submission_campaign}: every submission that is neither
 * withdrawn nor flagged for safeguarding is read (its redacted free text, the fields joined), grouped by
 * {@link CampaignIndex}, and the table is rewritten with each group of two or more. Flagged submissions are never
 * grouped, so a group's size never counts a submission its reader may not see.
 */
@Singleton
public class CampaignGroups {

    /** The redacted answers of each submission a group may hold, fields in name order, oldest submission first. */
    private static final String TEXTS = "SELECT s.id, (SELECT string_agg(a.value, ' ' ORDER BY a.key) "
            + "FROM jsonb_each_text(r.answers) a) AS text "
            + "FROM submission s JOIN redacted_answer r ON r.submission_id = s.id "
            + "WHERE s.withdrawn_at IS NULL" + Visibility.unflagged("s") + " ORDER BY s.created_at, s.id";

    private final JdbcOperations jdbc;
    private final Clock clock;

    CampaignGroups(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Groups every submission again and stores the groups; returns how many submissions are in a group. */
    @Transactional
    public int regroupAll() {
        CampaignIndex<UUID> index = new CampaignIndex<>();
        jdbc.prepareStatement(TEXTS, ps -> {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(2);
                    if (text != null) {
                        index.add(rs.getObject(1, UUID.class), text);
                    }
                }
            }
            return null;
        });
        List<List<UUID>> groups = index.groups(2);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.execute(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM submission_campaign")) {
                delete.executeUpdate();
            }
            int grouped = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO submission_campaign "
                    + "(submission_id, group_id, group_size, grouped_at) VALUES (?, ?, ?, ?)")) {
                for (List<UUID> group : groups) {
                    UUID groupId = group.get(0);
                    for (UUID member : group) {
                        insert.setObject(1, member);
                        insert.setObject(2, groupId);
                        insert.setInt(3, group.size());
                        insert.setTimestamp(4, now);
                        insert.addBatch();
                        grouped++;
                    }
                    insert.executeBatch();
                }
            }
            return grouped;
        });
    }
}
