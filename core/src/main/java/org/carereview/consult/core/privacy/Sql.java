package org.carereview.consult.core.privacy;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Small JDBC helpers shared by the reader and the eraser. */
final class Sql {

    private Sql() {
    }

    static Array uuids(PreparedStatement ps, Collection<UUID> ids) throws SQLException {
        return ps.getConnection().createArrayOf("uuid", ids.toArray());
    }

    static Array texts(PreparedStatement ps, Collection<String> values) throws SQLException {
        return ps.getConnection().createArrayOf("text", values.toArray());
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static UUID orNoOne(UUID id) {
        // A uuid no row has: lets one statement handle "no account" without a second form.
        return id == null ? new UUID(0, 0) : id;
    }

    static String orNothing(String email) {
        // Not an address anyone can have (every stored address has an @), so "no address" matches no row.
        return email == null ? "" : email;
    }
}
