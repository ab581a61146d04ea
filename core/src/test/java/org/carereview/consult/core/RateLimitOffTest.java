package org.carereview.consult.core;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code consult.rate-limit-per-minute=0}: for load tests, or a proxy that limits instead. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitOffTest implements FreshDatabase {

    @Inject
    RateLimiter limiter;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = RateLimiterTest.properties();
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @Test
    void aLimitOfZeroLetsEverythingThroughAndWritesNothingAtAll() {
        assertEquals(0, limiter.limitPerMinute());
        for (int i = 0; i < 200; i++) {
            limiter.check("advice", "192.0.2.1");
            limiter.check("resume-code", "192.0.2.1", 5);
        }
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM rate_limit"));
    }
}
