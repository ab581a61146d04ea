package org.carereview.consult.triage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * The filtered set as CSV or ODS, written straight from a PostgreSQL cursor to the output stream, so memory
 * stays the same whatever the size: the common fields plus each channel's main text (the text the channel gave
 * for search). Flagged submissions are never exported, whoever asks. The export is audited (who, the filter)
 * before the first row is read.
 */
@Singleton
public class TriageExport {

    static final String[] COLUMNS = {"id", "reference", "kind", "status", "submittedAt", "area", "themes", "dilemmas",
            "assignee", "text"};

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

    /** @return the number of rows written */
    public long writeCsv(TriageFilter filter, Viewer viewer, OutputStream out) {
        return write(filter, viewer, "csv", () -> new CsvSink(out));
    }

    /** @return the number of rows written */
    public long writeOds(TriageFilter filter, Viewer viewer, OutputStream out) {
        return write(filter, viewer, "ods", () -> new OdsSink(out));
    }

    private interface SinkFactory {
        RowSink open() throws IOException;
    }

    private long write(TriageFilter filter, Viewer viewer, String format, SinkFactory sinks) {
        UUID areaId = transactions.executeWrite(status -> {
            UUID id = areas.idOf(filter.area());
            audit.record(viewer.accountId(), AuditAction.EXPORT, null, format + " " + filter.describe());
            return id;
        });
        Conditions where = Conditions.of(filter, false, areaId).add(" AND NOT s.safeguarding");
        String sql = "SELECT s.id, s.reference, s.kind, s.status, "
                + "to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), a.slug, "
                + "array_to_string(s.themes, ';'), array_to_string(s.dilemmas, ';'), s.assignee_id, t.body "
                + "FROM submission s LEFT JOIN area a ON a.id = s.area_id "
                + "LEFT JOIN submission_text t ON t.submission_id = s.id WHERE " + where.sql()
                + (filter.sort() == TriageSort.OLDEST ? " ORDER BY s.submitted_at, s.id" : " ORDER BY s.submitted_at DESC, s.id DESC");
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            ps.setFetchSize(configuration.exportFetchSize());
            where.bind(ps, 1);
            long count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                RowSink sink = sinks.open();
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
        }));
    }
}
