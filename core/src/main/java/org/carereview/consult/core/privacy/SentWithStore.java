package org.carereview.consult.core.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * For a channel's store answering {@link PersonalDataHolder#sentWith}: the submission ids a query with one parameter
 * (the normalised email) selects, in order and once each.
 */
public final class SentWithStore {

    private SentWithStore() {
    }

    public static Set<UUID> ids(JdbcOperations jdbc, String sql, String email) {
        return jdbc.prepareStatement(sql, ps -> {
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
