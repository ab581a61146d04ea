package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;

import java.io.OutputStream;
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
    /** In place of an answer not yet redacted (sent before redaction began, until the sweep reaches it). */
    static final String NOT_YET_REDACTED = "[not yet redacted]";

    private final ExportStore store;
    private final TransactionOperations<?> transactions;
    private final Areas areas;
    private final AuditLog audit;
    private final TriageConfiguration configuration;

    TriageExport(ExportStore store, TransactionOperations<?> transactions, Areas areas, AuditLog audit,
                 TriageConfiguration configuration) {
        this.store = store;
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
        UUID areaId = areaId(filter);
        String header = "\uFEFF" + String.join(",", COLUMNS) + "\n";
        return audited(filter, viewer, "csv", () -> transactions.executeRead(status ->
                store.csv(header, filter, areaId, viewer.seesContact(), out)));
    }

    /** ODS: string cells only, neutralised as in CSV. @return rows written */
    public long writeOds(TriageFilter filter, Viewer viewer, OutputStream out) {
        UUID areaId = areaId(filter);
        return audited(filter, viewer, "ods", () -> transactions.executeRead(status ->
                store.ods(COLUMNS, filter, areaId, viewer.seesContact(), configuration.exportFetchSize(), out)));
    }

    /** The filter's area, read before the export starts (a slug that names none is a 422). */
    @Nullable
    private UUID areaId(TriageFilter filter) {
        return transactions.executeRead(status -> areas.idOf(filter.area()));
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
}
