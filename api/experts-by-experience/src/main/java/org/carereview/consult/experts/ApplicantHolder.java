package org.carereview.consult.experts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.crypto.FieldCipher;
import org.carereview.consult.core.crypto.SealedColumn;
import org.carereview.consult.core.privacy.PersonalDataHolder;
import org.carereview.consult.core.submission.ChannelContent;

import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * For subject requests: applications sent with an address, the equality answers (which no page describes, so the
 * applicant's copy must add them), and a trusted adult who asks to be forgotten (the applicant's answers stay).
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

    @Override
    public List<ChannelContent.Detail> undescribed(UUID submissionId) {
        return jdbc.prepareStatement("SELECT answers FROM ebe_equality WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.<ChannelContent.Detail>of();
                }
                String answers = cipher.open(rs.getString(1), SealedColumn.EQUALITY_ANSWERS.purpose());
                return List.of(new ChannelContent.Detail("equality", "Your answers to the equality questions", answers));
            }
        });
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
