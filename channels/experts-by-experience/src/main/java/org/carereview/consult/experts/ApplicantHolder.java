package org.carereview.consult.experts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.core.privacy.PersonalDataHolder;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.time.UkTime;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * For subject requests: applications sent with an address, the equality answers, scores and decisions (which no
 * page shows the applicant, so their copy must add them), and a trusted adult who asks to be forgotten (the applicant's answers stay).
 */
@Singleton
class ApplicantHolder implements PersonalDataHolder {


    private final JdbcOperations jdbc;
    private final FieldCipher cipher;

    ApplicantHolder(JdbcOperations jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public Set<UUID> sentWith(String email) {
        return PersonalDataHolder.ids(jdbc,
                "SELECT submission_id FROM ebe_application WHERE lower(trim(email)) = ?", email);
    }

    /**
     * What no page shows the applicant: their equality answers, and what staff recorded about the application
     * (each score with its comment, each decision with its note), which a subject access request also covers.
     * Who scored or decided is left out: that is staff's data, not the applicant's.
     */
    @Override
    public List<ChannelContent.Detail> undescribed(UUID submissionId) {
        List<ChannelContent.Detail> details = new ArrayList<>();
        jdbc.prepareStatement("SELECT answers FROM ebe_equality WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    details.add(new ChannelContent.Detail("equality", "Your answers to the equality questions",
                            cipher.open(rs.getString(1), SealedColumn.EQUALITY_ANSWERS.purpose())));
                }
            }
            return null;
        });
        jdbc.prepareStatement("SELECT total, comment, created_at FROM ebe_score WHERE submission_id = ? "
                + "ORDER BY created_at", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String comment = rs.getString(2);
                    details.add(new ChannelContent.Detail("score", "A score given to your application on "
                            + day(rs.getTimestamp(3)), rs.getInt(1) + " points" + (comment == null || comment.isBlank()
                            ? "" : ". Comment: " + comment)));
                }
            }
            return null;
        });
        jdbc.prepareStatement("SELECT outcome, note, decided_at FROM ebe_decision WHERE submission_id = ? "
                + "ORDER BY decided_at", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String note = rs.getString(2);
                    details.add(new ChannelContent.Detail("decision", "A decision on your application on "
                            + day(rs.getTimestamp(3)), ApplicationContent.outcomeInWords(ApplicationOutcome.valueOf(rs.getString(1)))
                            + (note == null || note.isBlank() ? "" : ". Note: " + note)));
                }
            }
            return null;
        });
        return details;
    }

    private static String day(java.sql.Timestamp at) {
        return UkTime.day(at.toInstant());
    }

    @Override
    public int forget(String email) {
        return jdbc.prepareStatement("""
                UPDATE ebe_application SET trusted_adult_name = NULL, trusted_adult_relationship = NULL,
                    trusted_adult_email = NULL, trusted_adult_phone = NULL, consent_contact_trusted_adult = false
                WHERE lower(trim(trusted_adult_email)) = ?""", ps -> {
            ps.setString(1, email);
            return ps.executeUpdate();
        });
    }
}
