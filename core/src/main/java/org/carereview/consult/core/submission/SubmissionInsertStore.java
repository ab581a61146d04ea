package org.carereview.consult.core.submission;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.notifications.MultiRowInsert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a new submission's common row in one statement: its search vector, text and redacted answers in the same
 * row version (an UPDATE after the INSERT would write the row twice and maintain its search index twice), and a
 * reference already taken (1 in about 10^11) answered by an empty result, not an error that would end the transaction.
 */
@Singleton
class SubmissionInsertStore {

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    SubmissionInsertStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new submission made ready in its request, with its draft, to be written with others ({@link #insertAll}). */
    record NewRow(Submissions.Prepared prepared, SubmissionDraft draft) {
    }

    private static final String HEAD = "INSERT INTO submission (id, kind, reference, status, owner_id, area_id, "
            + "themes, dilemmas, safeguarding, submitted_at, quarantine_reason, created_at, updated_at, search_vector, "
            + "search_text, redacted_text) VALUES";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, "
            + "to_tsvector('english', ?), ?, ?::jsonb)";

    private final MultiRowInsert<NewRow> all = new MultiRowInsert<>(HEAD, ROW, "", this::bind);
    private final MultiRowInsert<NewRow> unlessTaken =
            new MultiRowInsert<>(HEAD, ROW, " ON CONFLICT (reference) DO NOTHING", this::bind);

    /** Writes it, in the caller's transaction, unless its reference is taken: whether it was written. */
    boolean insert(NewRow row) {
        return unlessTaken.insert(jdbc, List.of(row)) == 1;
    }

    /**
     * As {@link #insert}, for several new submissions with one statement. A reference taken already is not passed over
     * here: it fails the statement, and so the caller's transaction.
     */
    void insertAll(List<NewRow> rows) {
        all.insert(jdbc, rows);
    }

    private void bind(PreparedStatement ps, int i, NewRow r) throws SQLException {
        SubmissionDraft draft = r.draft();
        Submissions.Prepared p = r.prepared();
        Timestamp at = Timestamp.from(p.submittedAt());
        String text = draft.searchText() == null ? "" : draft.searchText();
        ps.setObject(i, p.id());
        ps.setString(i + 1, draft.kind().name());
        ps.setString(i + 2, p.reference());
        ps.setString(i + 3, draft.status().name());
        ps.setObject(i + 4, draft.ownerId(), Types.OTHER);
        ps.setObject(i + 5, draft.areaId(), Types.OTHER);
        ps.setString(i + 6, codes(draft.themes()));
        ps.setString(i + 7, codes(draft.dilemmas()));
        ps.setBoolean(i + 8, p.screened().flagged());
        ps.setTimestamp(i + 9, at);
        ps.setString(i + 10, draft.quarantineReason() == null ? null : draft.quarantineReason().name());
        ps.setTimestamp(i + 11, at);
        ps.setTimestamp(i + 12, at);
        ps.setString(i + 13, text);
        ps.setString(i + 14, text);
        ps.setString(i + 15, draft.redactedAnswers() == null ? null : write(draft.redactedAnswers()));
    }

    private String write(java.util.Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The codes as a {@code text[]} literal. An enum's name is letters, digits and underscores, so nothing in it needs
     * quoting; the driver's {@code createArrayOf} looked its types up on every call (2 % of the request threads'
     * samples in a profile of the intake bench).
     */
    private static String codes(java.util.Set<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
