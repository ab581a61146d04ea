package org.carereview.consult.core.crypto;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The values of a {@link SealedColumn}, by their row's key, read and written for the key rotation. */
@Singleton
class SealedColumnStore {

    private final JdbcOperations jdbc;

    SealedColumnStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code size} values not starting with {@code prefix}, by key after {@code after}, locked for this
     * transaction (rows another transaction holds are skipped).
     */
    Map<UUID, String> lockNotSealedWith(SealedColumn column, String prefix, UUID after, int size) {
        return jdbc.prepareStatement("SELECT " + column.key() + ", " + column.column() + " FROM "
                + column.table() + " WHERE " + column.column() + " IS NOT NULL AND left(" + column.column()
                + ", ?) <> ? AND " + column.key() + " > ? ORDER BY " + column.key() + " LIMIT ? FOR UPDATE SKIP LOCKED",
                ps -> {
            ps.setInt(1, prefix.length());
            ps.setString(2, prefix);
            ps.setObject(3, after);
            ps.setInt(4, size);
            Map<UUID, String> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return rows;
        });
    }

    void update(SealedColumn column, UUID key, String sealed) {
        jdbc.prepareStatement("UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE "
                + column.key() + " = ?", ps -> {
            ps.setString(1, sealed);
            ps.setObject(2, key);
            return ps.executeUpdate();
        });
    }
}
