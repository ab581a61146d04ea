package org.carereview.consult.core.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The contributor account for an address, found or made and given the contributor role in one round trip (every
 * submission with an email address asks). Empty when another request made the same new account at the same moment:
 * this statement cannot see that row yet, and the caller looks again.
 */
@Singleton
class ContributorAccountStore {

    private final JdbcOperations jdbc;

    ContributorAccountStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> findOrMake(String email, Instant now) {
        return jdbc.prepareStatement("""
                WITH found AS (SELECT id FROM account WHERE email = ?),
                made AS (INSERT INTO account (id, email, disabled, token_version, created_at, updated_at)
                         SELECT ?, ?, false, 0, ?, ? WHERE NOT EXISTS (SELECT 1 FROM found)
                         ON CONFLICT (email) DO NOTHING RETURNING id),
                who AS (SELECT id FROM found UNION ALL SELECT id FROM made),
                role AS (INSERT INTO account_role (account_id, role) SELECT id, 'CONTRIBUTOR' FROM who
                         ON CONFLICT DO NOTHING)
                SELECT id FROM who""", ps -> {
            Timestamp at = Timestamp.from(now);
            ps.setString(1, email);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, email);
            ps.setTimestamp(4, at);
            ps.setTimestamp(5, at);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    /**
     * As {@link #findOrMake}, for several addresses (each once, normalised) in one statement: the account of each
     * address found or made. An address missing from the answer was made by another request at the same moment; the
     * caller looks for it again with {@link #findOrMake}.
     */
    Map<String, UUID> findOrMakeAll(List<String> emails, Instant now) {
        String wanted = String.join(", ", Collections.nCopies(emails.size(), "(?, ?::uuid)"));
        return jdbc.prepareStatement("WITH wanted(email, new_id) AS (VALUES " + wanted + "),"
                + """
                 found AS (SELECT a.id, a.email FROM account a JOIN wanted w ON a.email = w.email),
                 made AS (INSERT INTO account (id, email, disabled, token_version, created_at, updated_at)
                          SELECT w.new_id, w.email, false, 0, ?, ? FROM wanted w
                          WHERE NOT EXISTS (SELECT 1 FROM found f WHERE f.email = w.email) ORDER BY w.email
                          ON CONFLICT (email) DO NOTHING RETURNING id, email),
                 who AS (SELECT id, email FROM found UNION ALL SELECT id, email FROM made),
                 role AS (INSERT INTO account_role (account_id, role) SELECT id, 'CONTRIBUTOR' FROM who
                          ORDER BY id ON CONFLICT DO NOTHING)
                SELECT id, email FROM who""", ps -> {
            int i = 1;
            for (String email : emails) {
                ps.setString(i++, email);
                ps.setObject(i++, UUID.randomUUID());
            }
            Timestamp at = Timestamp.from(now);
            ps.setTimestamp(i++, at);
            ps.setTimestamp(i, at);
            Map<String, UUID> owners = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(2), rs.getObject(1, UUID.class));
                }
            }
            return owners;
        });
    }
}
