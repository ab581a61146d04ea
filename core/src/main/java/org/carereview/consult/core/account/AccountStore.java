package org.carereview.consult.core.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Rows of {@code account} and {@code account_role} written only if absent (yielding to a concurrent insert). */
@Singleton
class AccountStore {

    private final JdbcOperations jdbc;

    AccountStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insertIfAbsent(UUID id, String email, Instant now) {
        jdbc.prepareStatement("INSERT INTO account (id, email, disabled, token_version, created_at, updated_at) "
                + "VALUES (?, ?, false, 0, ?, ?) ON CONFLICT (email) DO NOTHING", ps -> {
            ps.setObject(1, id);
            ps.setString(2, email);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    void addRole(UUID accountId, String role) {
        jdbc.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", ps -> {
            ps.setObject(1, accountId);
            ps.setString(2, role);
            return ps.executeUpdate();
        });
    }
}
