package org.carereview.consult.triage.tagging;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.safeguarding.StoredVectors;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.LiveSubmissions;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.suggestions.TaggedExample;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What staff have tagged, as the suggester learns from it (ADR 0035): for each theme, its {@code perTheme} most
 * recently changed submissions that carry it, with their redacted text and one vector (the mean of their answers'
 * stored vectors by this model, made unit length). Flagged, withdrawn and quarantined submissions are left out,
 * since a suggestion names its similar submissions to any reviewer.
 */
@Singleton
class TaggedExampleStore {

    private static final String SQL = """
            WITH tagged AS (
                SELECT s.id, s.themes, s.dilemmas, s.updated_at FROM submission s
                WHERE s.themes <> '{}'%s
            ), chosen AS (
                SELECT DISTINCT id FROM (
                    SELECT t.id, row_number() OVER (PARTITION BY theme ORDER BY t.updated_at DESC, t.id) AS n
                    FROM tagged t, unnest(t.themes) AS theme) ranked
                WHERE n <= ?)
            SELECT t.id, t.themes, t.dilemmas, array_send(e.vector),
                   (SELECT string_agg(a.value, ' ' ORDER BY a.key) FROM jsonb_each_text(r.answers) a) AS text
            FROM tagged t JOIN chosen c ON c.id = t.id
            JOIN redacted_answer r ON r.submission_id = t.id
            JOIN answer_embedding e ON e.submission_id = t.id AND e.state = 'DONE' AND e.model = ?
            ORDER BY t.id""".formatted(LiveSubmissions.only("s") + Visibility.unflagged("s"));

    private final JdbcOperations jdbc;

    TaggedExampleStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<TaggedExample> load(String model, int perTheme) {
        return jdbc.prepareStatement(SQL, ps -> {
            ps.setInt(1, perTheme);
            ps.setString(2, model);
            List<TaggedExample> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                String id = null;
                Row row = null;
                while (rs.next()) {
                    String next = rs.getString(1);
                    if (!next.equals(id)) {
                        if (row != null) {
                            out.add(row.example());
                        }
                        id = next;
                        row = new Row(next, rs.getString(5), themes((Object[]) rs.getArray(2).getArray()),
                                dilemma((Object[]) rs.getArray(3).getArray()));
                    }
                    row.add(rs.getBytes(4));
                }
                if (row != null) {
                    out.add(row.example());
                }
            }
            return out;
        });
    }

    private static Set<Theme> themes(Object[] codes) {
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        for (Object code : codes) {
            themes.add(Theme.valueOf(code.toString()));
        }
        return themes;
    }

    private static Optional<Dilemma> dilemma(Object[] codes) {
        return codes.length == 0 ? Optional.empty() : Optional.of(Dilemma.valueOf(codes[0].toString()));
    }

    /** One submission's answers' vectors, summed, then made unit length. */
    private static final class Row {
        private final String id;
        private final String text;
        private final Set<Theme> themes;
        private final Optional<Dilemma> dilemma;
        private float[] sum;

        Row(String id, String text, Set<Theme> themes, Optional<Dilemma> dilemma) {
            this.id = id;
            this.text = text == null ? "" : text;
            this.themes = themes;
            this.dilemma = dilemma;
        }

        void add(byte[] vector) {
            sum = StoredVectors.add(sum, vector);
        }

        TaggedExample example() {
            double norm = 0;
            for (float v : sum) {
                norm += v * v;
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            float[] unit = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                unit[i] = sum[i] * scale;
            }
            return new TaggedExample(id, text, unit, themes, dilemma);
        }
    }
}
