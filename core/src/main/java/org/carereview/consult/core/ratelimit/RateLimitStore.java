package org.carereview.consult.core.ratelimit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/** The shared counters in {@code rate_limit}: one row per bucket key and one-minute window. */
@Singleton
class RateLimitStore {

    private final JdbcOperations jdbc;

    RateLimitStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one hit and answers the window's total so far, this hit included (atomic on every node). */
    @Transactional
    int hit(String key, Instant windowStart) {
        return jdbc.prepareStatement("""
                INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, 1)
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit.hits + 1
                RETURNING hits""", ps -> {
            ps.setString(1, key);
            ps.setObject(2, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Counts hits against several keys with one statement, in the caller's transaction, and answers each key's total
     * in the window so far. The keys are written in their order (sorted), so two nodes' counts never wait for each
     * other in a circle.
     */
    Map<String, Integer> hitAll(SortedMap<String, Integer> hits, Instant windowStart) {
        String rows = String.join(", ", Collections.nCopies(hits.size(), "(?, ?, ?)"));
        return jdbc.prepareStatement("INSERT INTO rate_limit (bucket, window_start, hits) VALUES " + rows
                + " ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit.hits + excluded.hits"
                + " RETURNING bucket, hits", ps -> {
            OffsetDateTime window = OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC);
            int i = 1;
            for (Map.Entry<String, Integer> hit : hits.entrySet()) {
                ps.setString(i++, hit.getKey());
                ps.setObject(i++, window);
                ps.setInt(i++, hit.getValue());
            }
            Map<String, Integer> totals = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), rs.getInt(2));
                }
            }
            return totals;
        });
    }

    @Transactional
    int deleteBefore(Instant cutoff) {
        return jdbc.prepareStatement("DELETE FROM rate_limit WHERE window_start < ?", ps -> {
            ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return ps.executeUpdate();
        });
    }
}
