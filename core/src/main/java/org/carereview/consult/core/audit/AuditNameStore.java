package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The names audit events are searched and shown by: accounts' emails, API keys' names, records' references. */
@Singleton
class AuditNameStore {

    private final JdbcOperations jdbc;

    AuditNameStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The account with this email, compared without case. */
    @Nullable
    UUID accountWithEmail(String email) {
        return one("SELECT id FROM account WHERE lower(email) = lower(?)", email);
    }

    @Nullable
    UUID submissionWithReference(String reference) {
        return one("SELECT id FROM submission WHERE reference = ?", reference);
    }

    Map<UUID, String> accountEmails(Collection<UUID> ids) {
        return names("SELECT id, email FROM account WHERE id = ANY(?)", ids);
    }

    /** Each key as "API key {prefix} ({name})". */
    Map<UUID, String> apiKeyNames(Collection<UUID> ids) {
        return names("SELECT id, 'API key ' || prefix || ' (' || name || ')' FROM api_key WHERE id = ANY(?)", ids);
    }

    Map<UUID, String> references(Collection<UUID> ids) {
        return names("SELECT id, reference FROM submission WHERE id = ANY(?)", ids);
    }

    @Nullable
    private UUID one(String sql, String value) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        });
    }

    private Map<UUID, String> names(String sql, Collection<UUID> ids) {
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(sql, ps -> {
            Array array = ps.getConnection().createArrayOf("uuid", distinct.toArray());
            ps.setArray(1, array);
            Map<UUID, String> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return found;
        });
    }
}
