package org.carereview.consult.triage.summaries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

/** The submission a quote would be taken from, by reference: its channel, status, consent and redacted answers. */
@Singleton
class QuoteSourceStore {

    /** A submission that is not flagged, with its redacted answers as JSON (null: not redacted yet). */
    record Candidate(UUID id, SubmissionKind kind, SubmissionStatus status, boolean consented,
                     @Nullable String answers) {
    }

    private final JdbcOperations jdbc;

    QuoteSourceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Candidate> candidate(String reference) {
        return jdbc.prepareStatement("SELECT s.id, s.kind, s.status, coalesce(a.consent_to_publish, false) AS consented, "
                + "r.answers::text AS answers FROM submission s LEFT JOIN advice_submission a ON a.submission_id = s.id "
                + "LEFT JOIN redacted_answer r ON r.submission_id = s.id WHERE s.reference = ?" + Visibility.unflagged("s"),
                ps -> {
                    ps.setString(1, reference);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Candidate(rs.getObject("id", UUID.class),
                                SubmissionKind.valueOf(rs.getString("kind")),
                                SubmissionStatus.valueOf(rs.getString("status")), rs.getBoolean("consented"),
                                rs.getString("answers"))) : Optional.<Candidate>empty();
                    }
                });
    }
}
