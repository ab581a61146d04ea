package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * The exported rows: each filtered submission's common fields and answers (as written, or redacted), never a flagged
 * one, streamed as PostgreSQL's COPY CSV or read through a cursor into ODS. Callers hold the transaction.
 */
@Singleton
class ExportStore {

    /** Each channel's answers, in the order of {@link TriageExport#COLUMNS} from "organisation"; empty for others. */
    private static final String[] ANSWERS = {"ad.organisation", "ad.key_questions", "ad.engagement_advice",
            "ad.resources", "ad.groups_to_speak_to", "df.what_works", "df.what_needs_to_change", "ea.experience_story",
            "ea.motivation", "ea.availability"};
    /** Where the redaction of the answer in {@link #ANSWERS} at the same place is kept: its field name. */
    private static final String[] FIELDS = {"organisation", "keyQuestions", "engagementAdvice", "resources",
            "groupsToSpeakTo", "whatWorks", "whatNeedsToChange", "experienceStory", "motivation", "availability"};
    /** The kind of submission that asks the question in {@link #ANSWERS} at the same place. */
    private static final String[] ASKED_BY = {"CALL_FOR_ADVICE", "CALL_FOR_ADVICE", "CALL_FOR_ADVICE",
            "CALL_FOR_ADVICE", "CALL_FOR_ADVICE", "DEEP_DIVE_FEEDBACK", "DEEP_DIVE_FEEDBACK", "EBE_APPLICATION",
            "EBE_APPLICATION", "EBE_APPLICATION"};

    private final JdbcOperations jdbc;

    ExportStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes {@code header}, then the rows as PostgreSQL's COPY CSV, passed through. @return rows written */
    long csv(String header, TriageFilter filter, @Nullable UUID areaId, boolean originals, OutputStream out) {
        Conditions where = conditions(filter, areaId);
        String select = select(true, originals) + where.inlined();
        return jdbc.execute(connection -> {
            try {
                out.write(header.getBytes(StandardCharsets.UTF_8));
                long rows = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY (" + select + ") TO STDOUT WITH (FORMAT csv)", out);
                out.flush();
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes the rows as ODS under {@code header}, read {@code fetchSize} at a time. @return rows written */
    long ods(String[] header, TriageFilter filter, @Nullable UUID areaId, boolean originals, int fetchSize,
             OutputStream out) {
        Conditions where = conditions(filter, areaId);
        String sql = select(false, originals) + where.sql();
        return jdbc.prepareStatement(sql, ps -> {
            ps.setFetchSize(fetchSize);
            where.bind(ps, 1);
            long count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                OdsSink sink = new OdsSink(out);
                sink.header(header);
                String[] cells = new String[header.length];
                while (rs.next()) {
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = rs.getString(i + 1);
                    }
                    sink.row(cells);
                    count++;
                }
                sink.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return count;
        });
    }

    /** The export's conditions: the filter, and never a flagged row. */
    private static Conditions conditions(TriageFilter filter, @Nullable UUID areaId) {
        return Conditions.of(filter, false, areaId).add(Visibility.unflagged("s"));
    }

    /**
     * The export's SELECT: the answers as written for the safeguarding lead and administrators ({@code originals}),
     * redacted for everyone else (ADR 22). For CSV each answer that a spreadsheet would read as a formula gets a
     * leading apostrophe.
     */
    private static String select(boolean neutralise, boolean originals) {
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < ANSWERS.length; i++) {
            String column = originals ? ANSWERS[i] : "(s.redacted_text ->> '" + FIELDS[i] + "')";
            String cell = neutralise ? neutralised(column) : column;
            answers.append(", ").append(originals ? cell : "CASE WHEN s.redacted_text IS NOT NULL THEN " + cell
                    + " WHEN s.kind = '" + ASKED_BY[i] + "' THEN '" + TriageExport.NOT_YET_REDACTED + "' END");
        }
        return "SELECT s.id, s.reference, s.kind, s.status, "
                + "to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), a.slug, "
                + "array_to_string(s.themes, ';'), array_to_string(s.dilemmas, ';'), s.assignee_id, "
                + "coalesce(ad.respondent_type, df.participant_type), ad.consent_to_publish::text" + answers
                + " FROM submission s LEFT JOIN area a ON a.id = s.area_id"
                + " LEFT JOIN advice_submission ad ON ad.submission_id = s.id"
                + " LEFT JOIN deep_dive_feedback df ON df.submission_id = s.id"
                + " LEFT JOIN ebe_application ea ON ea.submission_id = s.id WHERE ";
    }

    private static String neutralised(String column) {
        return "CASE WHEN left(ltrim(" + column + ", ' '), 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || "
                + column + " ELSE " + column + " END";
    }
}
