package org.carereview.consult.advice;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.privacy.PersonalDataHolder;
import org.carereview.consult.core.submission.ChannelContent;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * For subject requests: the advice sent with a contact address (a respondent need not have signed in), and that
 * address with the consents given, which the owner's page does not describe.
 */
@Singleton
class AdviceHolder implements PersonalDataHolder {

    private final JdbcOperations jdbc;

    AdviceHolder(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> sentWith(String email) {
        return PersonalDataHolder.ids(jdbc,
                "SELECT submission_id FROM advice_submission WHERE lower(trim(contact_email)) = ?", email);
    }

    @Override
    public List<ChannelContent.Detail> undescribed(UUID submissionId) {
        return jdbc.prepareStatement("SELECT contact_email, consent_to_contact, consent_to_publish FROM advice_submission "
                + "WHERE submission_id = ?", ps -> {
            ps.setObject(1, submissionId);
            List<ChannelContent.Detail> details = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    details.add(new ChannelContent.Detail("contactEmail", "Email address", rs.getString(1)));
                    details.add(new ChannelContent.Detail("consentToContact", "We may contact you",
                            rs.getBoolean(2) ? "Yes" : "No"));
                    details.add(new ChannelContent.Detail("consentToPublish", "We may quote you",
                            rs.getBoolean(3) ? "Yes" : "No"));
                }
            }
            return details;
        });
    }
}
