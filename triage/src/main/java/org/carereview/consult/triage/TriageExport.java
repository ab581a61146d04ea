package org.carereview.consult.triage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The filtered set as CSV or ODS, written straight to the output stream as PostgreSQL produces it, so memory
 * stays the same whatever the size: the common fields, the respondent type and consent to publish, and one column
 * per question (empty where the channel does not ask it), redacted unless the reader is the safeguarding lead or an
 * administrator. Contact details are never exported. CSV is PostgreSQL's own COPY output, passed through; ODS is written row by row from a cursor.
 * Rows come in no particular order. Flagged submissions are never exported, whoever asks. The export is
 * audited (who, the filter and how many rows it sent) when it ends.
 */
@Singleton
public class TriageExport {

    /** The common fields, who answered and whether they agreed to be quoted, then one column per question. */
    static final String[] COLUMNS = {"id", "reference", "kind", "status", "submittedAt", "area", "themes", "dilemmas",
            "assignee", "respondentType", "consentToPublish", "organisation", "keyQuestions", "engagementAdvice",
            "resources", "groupsToSpeakTo", "whatWorks", "whatNeedsToChange", "experienceStory", "motivation",
            "availability"};
    /** Each channel's answers, in the order of {@link #COLUMNS} from "organisation"; empty for other channels. */
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
    /** In place of an answer not yet redacted (sent before redaction began, until the sweep reaches it). */
    static final String NOT_YET_REDACTED = "[not yet redacted]";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Areas areas;
    private final AuditLog audit;
    private final TriageConfiguration configuration;

    TriageExport(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Areas areas, AuditLog audit,
                 TriageConfiguration configuration) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.areas = areas;
        this.audit = audit;
        this.configuration = configuration;
    }

    /**
     * Checks what only the database can (that the area exists), so a caller that streams the export can still
     * answer 422 before the first byte is sent.
     */
    public void check(TriageFilter filter) {
        transactions.executeRead(status -> areas.idOf(filter.area()));
    }

    /** CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read accents right). @return rows written */
    public long writeCsv(TriageFilter filter, Viewer viewer, OutputStream out) {
        Conditions where = conditions(filter);
        String select = select(true, viewer.seesContact()) + where.inlined();
        return audited(filter, viewer, "csv", () -> transactions.executeRead(status -> jdbc.execute(connection -> {
            try {
                out.write(("\uFEFF" + String.join(",", COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8));
                long rows = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY (" + select + ") TO STDOUT WITH (FORMAT csv)", out);
                out.flush();
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
    }

    /** ODS: string cells only, neutralised as in CSV. @return rows written */
    public long writeOds(TriageFilter filter, Viewer viewer, OutputStream out) {
        Conditions where = conditions(filter);
        String sql = select(false, viewer.seesContact()) + where.sql();
        return audited(filter, viewer, "ods", () -> transactions.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            ps.setFetchSize(configuration.exportFetchSize());
            where.bind(ps, 1);
            long count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                OdsSink sink = new OdsSink(out);
                sink.header(COLUMNS);
                String[] cells = new String[COLUMNS.length];
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
        })));
    }

    /** The export's conditions: the filter, and never a flagged row. */
    private Conditions conditions(TriageFilter filter) {
        UUID areaId = transactions.executeRead(status -> areas.idOf(filter.area()));
        return Conditions.of(filter, false, areaId).add(Visibility.unflagged("s"));
    }

    /**
     * Runs the export and then audits it, in a transaction of its own, with the rows it sent: one event naming the
     * format and filter. An export that stops part way (the reader went away, the database failed) is audited too,
     * without a count, as it may have sent some rows.
     */
    private long audited(TriageFilter filter, Viewer viewer, String format, LongSupplier export) {
        long rows = -1;
        try {
            rows = export.getAsLong();
            return rows;
        } finally {
            String detail = format + " " + filter.describe();
            if (rows >= 0) {
                long sent = rows;
                transactions.executeWrite(status -> {
                    audit.recordList(viewer.actorId(), AuditAction.EXPORT, detail, (int) Math.min(sent, Integer.MAX_VALUE));
                    return null;
                });
            } else {
                transactions.executeWrite(status -> {
                    audit.record(viewer.actorId(), AuditAction.EXPORT, null, detail + " (stopped part way)");
                    return null;
                });
            }
        }
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
                    + " WHEN s.kind = '" + ASKED_BY[i] + "' THEN '" + NOT_YET_REDACTED + "' END");
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
