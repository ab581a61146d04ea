package org.carereview.consult.core.ratelimit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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

    @Transactional
    int deleteBefore(Instant cutoff) {
        return jdbc.prepareStatement("DELETE FROM rate_limit WHERE window_start < ?", ps -> {
            ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return ps.executeUpdate();
        });
    }
}
