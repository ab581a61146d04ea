package org.carereview.consult.triage.summaries;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.LiveSubmissions;
import org.carereview.consult.core.submission.SubmissionKind;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** A channel's live, unflagged submissions counted by theme, every theme in its order (zero where none). */
@Singleton
class ThemeCountStore {

    /** One theme's code and how many submissions carry it, before any suppression. */
    record Counted(String theme, long count) {
    }

    private final JdbcOperations jdbc;

    ThemeCountStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Counted> count(SubmissionKind channel) {
        return jdbc.prepareStatement("SELECT t.code, count(s.id) FROM theme t "
                + "LEFT JOIN submission s ON t.code = ANY(s.themes) AND s.kind = ?"
                + LiveSubmissions.only("s") + Visibility.unflagged("s")
                + " GROUP BY t.code, t.position ORDER BY t.position", ps -> {
            ps.setString(1, channel.name());
            List<Counted> counted = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counted.add(new Counted(rs.getString(1), rs.getLong(2)));
                }
            }
            return counted;
        });
    }
}
