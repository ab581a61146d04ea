package org.carereview.consult.deepdives;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.LiveSubmissions;
import org.carereview.consult.core.time.UkTime;

import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Counts of feedback cards per area, by theme, dilemma, participant type and month, straight from SQL. Only
 * cards that count are counted: not QUARANTINED (possible spam), not WITHDRAWN, and not flagged for
 * safeguarding (the counts are shared by everyone who reads them, and a flagged card exists only for the lead). A card with several themes
 * counts once under each. A card's month is its session's, or else the month it was sent in UK time. Counting
 * {@code campaignsOnce}, the cards of one copy-and-paste campaign (ADR 0034) count as one card per area: the first
 * of them sent there.
 */
@Singleton
class CountStore {

    /** Dimension → area id → category code → count (absent means 0). */
    record Counts(Map<Dimension, Map<UUID, Map<String, Long>>> counts) {

        long get(Dimension dimension, UUID area, String code) {
            return counts.getOrDefault(dimension, Map.of()).getOrDefault(area, Map.of()).getOrDefault(code, 0L);
        }
    }

    private static final String SQL = """
            WITH counted AS (
                SELECT %s f.area_id, s.themes, s.dilemmas, f.participant_type,
                       to_char(coalesce(ses.held_on, (s.submitted_at AT TIME ZONE '%s')::date), 'YYYY-MM') AS month
                FROM submission s
                JOIN deep_dive_feedback f ON f.submission_id = s.id
                LEFT JOIN deep_dive_session ses ON ses.id = f.session_id%s
                WHERE s.kind = 'DEEP_DIVE_FEEDBACK'%s%s)
            SELECT 'THEME', area_id, theme, count(*) FROM counted, unnest(themes) AS theme GROUP BY area_id, theme
            UNION ALL
            SELECT 'DILEMMA', area_id, dilemma, count(*) FROM counted, unnest(dilemmas) AS dilemma GROUP BY area_id, dilemma
            UNION ALL
            SELECT 'PARTICIPANT_TYPE', area_id, participant_type, count(*) FROM counted
                WHERE participant_type IS NOT NULL GROUP BY area_id, participant_type
            UNION ALL
            SELECT 'MONTH', area_id, month, count(*) FROM counted GROUP BY area_id, month""";
    /** The cards that count: live and unflagged. */
    private static final String COUNTED = LiveSubmissions.only("s") + Visibility.unflagged("s");
    private static final String EVERY_CARD = SQL.formatted("", UkTime.ZONE.getId(), "", COUNTED, "");
    private static final String CAMPAIGNS_ONCE = SQL.formatted("DISTINCT ON (f.area_id, coalesce(sc.group_id, s.id))", UkTime.ZONE.getId(),
            " LEFT JOIN submission_campaign sc ON sc.submission_id = s.id", COUNTED,
            " ORDER BY f.area_id, coalesce(sc.group_id, s.id), s.submitted_at, s.id");

    private final JdbcOperations jdbc;

    CountStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Counts counts(boolean campaignsOnce) {
        return jdbc.prepareStatement(campaignsOnce ? CAMPAIGNS_ONCE : EVERY_CARD, ps -> {
            Map<Dimension, Map<UUID, Map<String, Long>>> counts = new EnumMap<>(Dimension.class);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(Dimension.valueOf(rs.getString(1)), d -> new HashMap<>())
                            .computeIfAbsent(rs.getObject(2, UUID.class), a -> new HashMap<>())
                            .put(rs.getString(3), rs.getLong(4));
                }
            }
            return new Counts(counts);
        });
    }
}
