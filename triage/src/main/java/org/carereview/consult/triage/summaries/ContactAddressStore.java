package org.carereview.consult.triage.summaries;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.LiveSubmissions;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The call for advice's contact addresses whose senders agreed to be contacted, each once, lower case. */
@Singleton
class ContactAddressStore {

    private final JdbcOperations jdbc;

    ContactAddressStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The addresses of live, unflagged submissions with consent to contact, in order. */
    List<String> consenting() {
        String sql = "SELECT DISTINCT lower(trim(a.contact_email)) FROM advice_submission a JOIN submission s "
                + "ON s.id = a.submission_id WHERE a.consent_to_contact AND a.contact_email IS NOT NULL"
                + LiveSubmissions.only("s") + Visibility.unflagged("s") + " ORDER BY 1";
        return jdbc.prepareStatement(sql, ps -> {
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
    }
}
