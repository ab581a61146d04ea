package org.carereview.consult.core.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The api_key table; the caller holds the transaction. */
@Singleton
class ApiKeyStore {

    private static final String COLUMNS = "id, name, scope, prefix, created_by, created_at, expires_at, last_used_at,"
            + " revoked_at, revoked_by";

    private final JdbcOperations jdbc;

    ApiKeyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One row as found by its prefix, with its hash, for checking a key. */
    record Stored(ApiKeyView key, String hash) {
    }

    void insert(UUID id, String name, ApiKeyScope scope, String prefix, String hash, UUID by, Instant at, Instant expires) {
        jdbc.prepareStatement("INSERT INTO api_key (id, name, scope, prefix, key_hash, created_by, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.setString(3, scope.name());
            ps.setString(4, prefix);
            ps.setString(5, hash);
            ps.setObject(6, by);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setTimestamp(8, Timestamp.from(expires));
            return ps.executeUpdate();
        });
    }

    List<ApiKeyView> all(Instant now) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id", ps -> {
            List<ApiKeyView> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(view(rs, now));
                }
            }
            return keys;
        });
    }

    Optional<Stored> byPrefix(String prefix, Instant now) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + ", key_hash FROM api_key WHERE prefix = ?", ps -> {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(view(rs, now), rs.getString("key_hash"))) : Optional.empty();
            }
        });
    }

    Optional<ApiKeyView> byId(UUID id, Instant now) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM api_key WHERE id = ?", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs, now)) : Optional.empty();
            }
        });
    }

    /** Revokes a key not revoked yet; false when it already was. */
    boolean revoke(UUID id, UUID by, Instant at) {
        return jdbc.prepareStatement("UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setObject(2, by);
                    ps.setObject(3, id);
                    return ps.executeUpdate() == 1;
                });
    }

    void used(UUID id, Instant at) {
        jdbc.prepareStatement("UPDATE api_key SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setObject(2, id);
                    ps.setTimestamp(3, Timestamp.from(at));
                    return ps.executeUpdate();
                });
    }

    private static ApiKeyView view(ResultSet rs, Instant now) throws SQLException {
        Instant expires = instant(rs, "expires_at");
        Instant revoked = instant(rs, "revoked_at");
        String status = revoked != null ? "REVOKED" : !now.isBefore(expires) ? "EXPIRED" : "ACTIVE";
        return new ApiKeyView(rs.getObject("id", UUID.class), rs.getString("name"),
                ApiKeyScope.valueOf(rs.getString("scope")), rs.getString("prefix"), status,
                rs.getObject("created_by", UUID.class), instant(rs, "created_at"), expires,
                instant(rs, "last_used_at"), revoked, rs.getObject("revoked_by", UUID.class));
    }

    @Nullable
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
