package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.core.privacy.SentWithStore;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a subject request reads or clears about an applicant: applications by address, the equality answers (opened
 * here, ADR 0018), the scores and decisions on an application, and trusted adults' details.
 */
@Singleton
class ApplicantDataStore {

    /** A score given to an application, without who gave it. */
    record Score(int total, @Nullable String comment, Instant at) {
    }

    /** A decision on an application, without who made it. */
    record Decision(ApplicationOutcome outcome, @Nullable String note, Instant at) {
    }

    private final JdbcOperations jdbc;
    private final FieldCipher cipher;

    ApplicantDataStore(JdbcOperations jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The applications whose applicant's address, trimmed and in lower case, is this one; in order, once each. */
    Set<UUID> sentWith(String email) {
        return SentWithStore.ids(jdbc, "SELECT submission_id FROM ebe_application WHERE lower(trim(email)) = ?",
                email);
    }

    /** The equality answers given with this application, opened; empty if none were given. */
    Optional<String> equalityAnswers(UUID submissionId) {
        return jdbc.prepareStatement("SELECT answers FROM ebe_equality WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(cipher.open(rs.getString(1), SealedColumn.EQUALITY_ANSWERS.purpose()))
                        : Optional.<String>empty();
            }
        });
    }

    /** The scores given to this application, oldest first. */
    List<Score> scores(UUID submissionId) {
        return jdbc.prepareStatement("SELECT total, comment, created_at FROM ebe_score WHERE submission_id = ? "
                + "ORDER BY created_at", ps -> {
            ps.setObject(1, submissionId);
            List<Score> scores = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    scores.add(new Score(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return scores;
        });
    }

    /** The decisions on this application, oldest first. */
    List<Decision> decisions(UUID submissionId) {
        return jdbc.prepareStatement("SELECT outcome, note, decided_at FROM ebe_decision WHERE submission_id = ? "
                + "ORDER BY decided_at", ps -> {
            ps.setObject(1, submissionId);
            List<Decision> decisions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    decisions.add(new Decision(ApplicationOutcome.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getTimestamp(3).toInstant()));
                }
            }
            return decisions;
        });
    }

    /** Clears the trusted adult, and the consent to contact them, wherever this is their address; how many rows. */
    int forgetTrustedAdult(String email) {
        return jdbc.prepareStatement("""
                UPDATE ebe_application SET trusted_adult_name = NULL, trusted_adult_relationship = NULL,
                    trusted_adult_email = NULL, trusted_adult_phone = NULL, consent_contact_trusted_adult = false
                WHERE lower(trim(trusted_adult_email)) = ?""", ps -> {
            ps.setString(1, email);
            return ps.executeUpdate();
        });
    }
}
