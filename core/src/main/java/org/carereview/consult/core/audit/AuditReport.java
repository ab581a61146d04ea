package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.export.CsvCells;
import org.carereview.consult.core.time.UkTime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The audit trail for people to read: each event with the staff member's email and the record's reference
 * (where they still exist), as rows for the administrators' page and as CSV. A CSV export is itself audited.
 */
@Singleton
public class AuditReport {

    /** The most rows one CSV holds; narrow the filter for more. */
    public static final int MAX_CSV_ROWS = 10_000;

    /**
     * One event in words; {@code actorEmail} and {@code reference} are empty when unknown or deleted. For an
     * integration's key, {@code actorEmail} names the key.
     */
    public record Row(AuditEntry entry, String when, String actorEmail, String reference) {
    }

    /** A page of rows and the cursor of the next page (null on the last). */
    public record Page(List<Row> rows, @Nullable String next) {
    }

    private final AuditTrail trail;
    private final AuditLog log;
    private final AuditNameStore names;

    AuditReport(AuditTrail trail, AuditLog log, AuditNameStore names) {
        this.trail = trail;
        this.log = log;
        this.names = names;
    }

    /** A page of events for the administrators' page; the read is itself audited (staff emails are on it). */
    @Transactional
    public Page page(UUID administrator, AuditTrail.Filter filter, @Nullable String after, int limit) {
        AuditPage page = read(administrator, filter, after, limit);
        return new Page(rows(page.items()), page.next());
    }

    /** A keyset page of events, as the API gives it; the read is itself audited. */
    @Transactional
    public AuditPage read(UUID administrator, AuditTrail.Filter filter, @Nullable String after, int limit) {
        AuditPage page = trail.read(filter, after, limit);
        log.recordList(administrator, AuditAction.LIST, "audit " + describe(filter), page.items().size());
        return page;
    }

    /** Every event the filter matches, newest first, up to {@link #MAX_CSV_ROWS}, as CSV; audited as an export. */
    @Transactional
    public String csv(UUID administrator, AuditTrail.Filter filter) {
        StringBuilder csv = new StringBuilder(CsvCells.line("when (London)", "action", "staff email", "staff id",
                "reference", "record id", "detail", "rows"));
        int count = 0;
        String cursor = null;
        do {
            AuditPage page = trail.read(filter, cursor, AuditTrail.MAX_PAGE);
            for (Row row : rows(page.items())) {
                if (count++ == MAX_CSV_ROWS) {
                    break;
                }
                AuditEntry e = row.entry();
                csv.append(CsvCells.line(row.when(), e.action().name(), row.actorEmail(), e.actorId(),
                        row.reference(), e.submissionId(), e.detail(), e.rowCount()));
            }
            cursor = page.next();
        } while (cursor != null && count < MAX_CSV_ROWS);
        log.recordList(administrator, AuditAction.EXPORT, "audit " + describe(filter), Math.min(count, MAX_CSV_ROWS));
        return csv.toString();
    }

    /** The filter as codes and ids (never an email): what an audit event about reading the audit log records. */
    static String describe(AuditTrail.Filter filter) {
        StringBuilder text = new StringBuilder();
        append(text, "actor", filter.actorId());
        append(text, "record", filter.submissionId());
        append(text, "action", filter.action());
        append(text, "from", filter.from());
        append(text, "to", filter.to());
        return text.isEmpty() ? "all" : text.toString().strip();
    }

    private static void append(StringBuilder text, String name, @Nullable Object value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }

    private List<Row> rows(List<AuditEntry> entries) {
        List<UUID> actors = entries.stream().map(AuditEntry::actorId).filter(Objects::nonNull).toList();
        Map<UUID, String> emails = new HashMap<>(names.accountEmails(actors));
        // An integration's key acts in its own name (ADR 26): "API key 1a2b3c4d (Power BI dashboard)".
        names.apiKeyNames(actors).forEach(emails::putIfAbsent);
        Map<UUID, String> references = names.references(
                entries.stream().map(AuditEntry::submissionId).filter(Objects::nonNull).toList());
        return entries.stream().map(e -> new Row(e, UkTime.sortable(e.at()),
                e.actorId() == null ? "" : emails.getOrDefault(e.actorId(), ""),
                e.submissionId() == null ? "" : references.getOrDefault(e.submissionId(), ""))).toList();
    }
}
