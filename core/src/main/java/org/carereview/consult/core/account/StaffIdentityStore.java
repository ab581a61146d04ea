package org.carereview.consult.core.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code staff_identity}: which account an identity provider's subject signs in as. Callers hold the transaction. */
@Singleton
class StaffIdentityStore {

    private final JdbcOperations jdbc;

    StaffIdentityStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> accountOf(String issuer, String subject) {
        return jdbc.prepareStatement("SELECT account_id FROM staff_identity WHERE issuer = ? AND subject = ?", ps -> {
            ps.setString(1, issuer);
            ps.setString(2, subject);
            try (var rows = ps.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        });
    }

    /** Links the subject to the account unless the account already has a subject at this issuer; answers whether it did. */
    boolean link(String issuer, String subject, UUID accountId, Instant now) {
        return jdbc.prepareStatement("INSERT INTO staff_identity (issuer, subject, account_id, linked_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setString(1, issuer);
            ps.setString(2, subject);
            ps.setObject(3, accountId);
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        });
    }
}
