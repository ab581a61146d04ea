package org.carereview.consult.advice;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.privacy.PersonalDataHolder;

import java.sql.ResultSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** For subject requests: the advice sent with a contact address (a respondent need not have signed in). */
@Singleton
class AdviceHolder implements PersonalDataHolder {

    private final JdbcOperations jdbc;

    AdviceHolder(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> sentWith(String email) {
        return jdbc.prepareStatement("SELECT submission_id FROM advice_submission WHERE lower(trim(contact_email)) = ?",
                ps -> {
                    ps.setString(1, email);
                    Set<UUID> ids = new LinkedHashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                });
    }
}
