package org.carereview.consult.triage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Staff notes on a submission ({@code submission_note}), their text sealed at rest. Callers hold the transaction. */
@Singleton
class NoteStore {

    private final JdbcOperations jdbc;
    private final FieldCipher cipher;

    NoteStore(JdbcOperations jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    TriageSubmission.Note addNote(UUID id, String text, UUID by, Instant at) {
        UUID noteId = UUID.randomUUID();
        jdbc.prepareStatement("INSERT INTO submission_note (id, submission_id, author_id, body, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, noteId);
            ps.setObject(2, id);
            ps.setObject(3, by);
            ps.setString(4, cipher.seal(text, SealedColumn.SUBMISSION_NOTE.purpose()));
            ps.setTimestamp(5, Timestamp.from(at));
            return ps.executeUpdate();
        });
        return new TriageSubmission.Note(noteId, text, by, at);
    }

    List<TriageSubmission.Note> notes(UUID id) {
        return jdbc.prepareStatement("SELECT id, body, author_id, created_at FROM submission_note WHERE submission_id = ? "
                + "ORDER BY seq", ps -> {
            ps.setObject(1, id);
            List<TriageSubmission.Note> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new TriageSubmission.Note(rs.getObject(1, UUID.class),
                            cipher.open(rs.getString(2), SealedColumn.SUBMISSION_NOTE.purpose()),
                            rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()));
                }
            }
            return list;
        });
    }
}
