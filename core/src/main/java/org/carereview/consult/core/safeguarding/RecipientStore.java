package org.carereview.consult.core.safeguarding;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.Role;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** SQL for the addresses of the enabled accounts holding a role: whom safeguarding alerts go to. */
@Singleton
class RecipientStore {

    private final JdbcOperations jdbc;

    RecipientStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The addresses of the enabled accounts with this role, in order. */
    List<String> emails(Role role) {
        return jdbc.prepareStatement("SELECT a.email FROM account a JOIN account_role r ON r.account_id = a.id "
                + "WHERE r.role = ? AND NOT a.disabled ORDER BY a.email", ps -> {
            ps.setString(1, role.name());
            List<String> emails = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    emails.add(rs.getString(1));
                }
            }
            return emails;
        });
    }
}
