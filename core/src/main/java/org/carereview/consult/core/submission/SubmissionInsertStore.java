package org.carereview.consult.core.submission;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.notifications.MultiRowInsert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    /** The new row's id, or empty when {@code reference} is taken. Runs in the caller's transaction. */
    Optional<UUID> insert(SubmissionDraft draft, String reference, boolean flagged, String text, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO submission (kind, reference, status, owner_id, area_id, themes, dilemmas, safeguarding,
                    submitted_at, quarantine_reason, created_at, updated_at, search_vector, search_text, redacted_text)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, to_tsvector('english', ?), ?, ?::jsonb)
                ON CONFLICT (reference) DO NOTHING RETURNING id""", ps -> {
            Timestamp at = Timestamp.from(now);
            ps.setString(1, draft.kind().name());
            ps.setString(2, reference);
            ps.setString(3, draft.status().name());
            ps.setObject(4, draft.ownerId(), Types.OTHER);
            ps.setObject(5, draft.areaId(), Types.OTHER);
            ps.setString(6, codes(draft.themes()));
            ps.setString(7, codes(draft.dilemmas()));
            ps.setBoolean(8, flagged);
            ps.setTimestamp(9, at);
            ps.setString(10, draft.quarantineReason() == null ? null : draft.quarantineReason().name());
            ps.setTimestamp(11, at);
            ps.setTimestamp(12, at);
            ps.setString(13, text);
            ps.setString(14, text);
            ps.setString(15, draft.redactedAnswers() == null ? null : write(draft.redactedAnswers()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    /** A new submission made ready in its request, with its draft, to be written with others ({@link #insertAll}). */
    record NewRow(Submissions.Prepared prepared, SubmissionDraft draft) {
    }

    /**
     * As {@link #insert}, for several new submissions with one statement and their ids chosen already. A reference
     * taken already is not passed over here: it fails the statement, and so the caller's transaction.
     */
    void insertAll(List<NewRow> rows) {
        new MultiRowInsert<NewRow>("INSERT INTO submission (id, kind, reference, status, owner_id, area_id, themes, "
                + "dilemmas, safeguarding, submitted_at, quarantine_reason, created_at, updated_at, search_vector, "
                + "search_text, redacted_text) VALUES", "(?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, "
                + "to_tsvector('english', ?), ?, ?::jsonb)", "", (ps, i, r) -> {
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
        }).insert(jdbc, rows);
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
