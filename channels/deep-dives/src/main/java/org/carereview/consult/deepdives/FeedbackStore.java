package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.time.UkTime;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The {@code deep_dive_feedback} rows beside their common submission records. */
@Singleton
class FeedbackStore {

    /** A card's own columns, as stored. */
    record Row(@Nullable ParticipantType type, @Nullable String whatWorks, @Nullable String whatNeedsToChange,
               @Nullable String areaName, @Nullable String session) {
    }

    private final JdbcOperations jdbc;

    FeedbackStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID submissionId, UUID areaId, Card card, Source source, @Nullable String linkToken,
                @Nullable UUID enteredBy) {
        jdbc.prepareStatement("INSERT INTO deep_dive_feedback (submission_id, area_id, session_id, participant_type, "
                + "what_works, what_needs_to_change, source, link_token, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, submissionId);
            ps.setObject(2, areaId);
            ps.setObject(3, card.sessionId());
            ps.setString(4, card.type().name());
            ps.setString(5, card.whatWorks());
            ps.setString(6, card.whatNeedsToChange());
            ps.setString(7, source.name());
            ps.setString(8, linkToken);
            ps.setObject(9, enteredBy);
            return ps.executeUpdate();
        });
    }

    List<Row> find(UUID submissionId) {
        return jdbc.prepareStatement("SELECT f.participant_type, f.what_works, f.what_needs_to_change, a.name, "
                + "s.held_on, s.audience FROM deep_dive_feedback f JOIN area a ON a.id = f.area_id "
                + "LEFT JOIN deep_dive_session s ON s.id = f.session_id WHERE f.submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    LocalDate heldOn = rs.getObject(5, LocalDate.class);
                    String session = heldOn == null ? null
                            : UkTime.day(heldOn) + ", " + Audience.valueOf(rs.getString(6)).label().toLowerCase(Locale.UK);
                    rows.add(new Row(type == null ? null : ParticipantType.valueOf(type), rs.getString(2), rs.getString(3),
                            rs.getString(4), session));
                }
            }
            return rows;
        });
    }

    /** Erases what the person said and who they were; the area and session stay (they say where, not who). */
    void erase(UUID submissionId) {
        jdbc.prepareStatement("UPDATE deep_dive_feedback SET participant_type = NULL, what_works = NULL, "
                + "what_needs_to_change = NULL WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            return ps.executeUpdate();
        });
    }
}
